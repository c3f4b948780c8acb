use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The notification URL field is not required at every level
    ///
    /// ### Why
    /// If the field or any object containing it is optional, the registration may be sent without
    /// the callback URL. List it in `required` at every level and make the body parameter
    /// `"required": true`.
    ///
    /// ### Example
    /// Bad: a body parameter with `"required": false`, or a `callback` field missing from the
    /// `required` list of its schema
    /// Good: `{"name": "body", "in": "body", "required": true, "schema": {"required": ["callback"], "properties": {"callback": {…}}}}`
    pub(crate) static NOTIFICATION_URL_NOT_REQUIRED: Rule {
        code: "NotificationUrlNotRequired",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (op, body, f) in fields(cx) {
        if !f.required_in_parent
            || !is_true(body, "required")
            || f.ancestors.iter().any(|(_, r)| !r)
        {
            sink.emit(
                f.pointer.clone(),
                format!(
                    "notification URL field '{}' of {} is not required at every level",
                    f.name,
                    op.label()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn optional_callback_field() {
        // The field is missing from `required`.
        let mut d = hook(good_field(), true, true);
        d["paths"]["/hooks"]["post"]["parameters"][0]["schema"]["required"] = json!([]);
        Tester::new(
            &NOTIFICATION_URL_NOT_REQUIRED,
            vec![hook(good_field(), true, true)],
            vec![
                // The body parameter is optional.
                fail(hook(good_field(), true, false))
                    .at([CALLBACK])
                    .then(|f| {
                        assert!(f[0].message.contains("is not required at every level"));
                    }),
                fail(d).at([CALLBACK]),
            ],
        )
        .test();
    }
}
