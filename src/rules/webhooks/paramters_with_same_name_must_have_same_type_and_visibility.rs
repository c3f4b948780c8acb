use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A trigger and the webhook it names via `x-ms-notification` declare a same-named parameter differently
    ///
    /// ### Why
    /// The platform passes the trigger's parameter values to the webhook registration named in
    /// `x-ms-notification`, matching them by name; a parameter of the same name must therefore have
    /// the same `type` and `x-ms-visibility` in both. (The code is spelled as Microsoft's validator
    /// spells it.)
    ///
    /// ### Example
    /// Bad: `q` is `"type": "integer"` on the trigger and `"type": "string"` on the webhook it names
    /// Good: `q` declared with the same `type` and `x-ms-visibility` on both
    pub(crate) static PARAMTERS_WITH_SAME_NAME_MUST_HAVE_SAME_TYPE_AND_VISIBILITY: Rule {
        code: "ParamtersWithSameNameMustHaveSameTypeAndVisibility",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    let mut once = Once::new(sink);
    for op in ops(cx) {
        let Some(target) = notification_target(op).and_then(|id| sw.operation_by_id(id)) else {
            continue;
        };
        for p in op.params.iter().filter(|p| p.location != Some("body")) {
            let Some(q) = target
                .params
                .iter()
                .find(|q| q.name == p.name && q.location != Some("body"))
            else {
                continue;
            };
            for key in ["type", "x-ms-visibility"] {
                if p.get(key) != q.get(key) {
                    once.emit(
                        p.field(key),
                        format!(
                            "'{}' has a different {key} in {} and {}",
                            p.name.unwrap_or("?"),
                            op.label(),
                            target.label()
                        ),
                    );
                }
            }
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
    fn same_name_different_type() {
        // Both `q` are strings: fine.
        let mut d = webhook_with_notification();
        d["paths"]["/poll"]["get"]["parameters"][0]["type"] = json!("string");
        Tester::new(
            &PARAMTERS_WITH_SAME_NAME_MUST_HAVE_SAME_TYPE_AND_VISIBILITY,
            vec![d],
            vec![
                fail(webhook_with_notification())
                    .at(["/paths/~1poll/get/parameters/0/type"])
                    .then(|f| {
                        assert!(f[0].message.starts_with("'q' has a different type in "));
                    }),
            ],
        )
        .test();
    }
}
