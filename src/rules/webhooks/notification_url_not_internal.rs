use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The notification URL field is visible to users
    ///
    /// ### Why
    /// Users must not type the callback URL: the platform fills it in. Mark the field (or one of
    /// its ancestors, or the body parameter) `"x-ms-visibility": "internal"`.
    ///
    /// ### Example
    /// Bad: `"callback": {"type": "string", "x-ms-notification-url": true}`
    /// Good: `"callback": {"type": "string", "x-ms-notification-url": true, "x-ms-visibility": "internal"}`
    pub(crate) static NOTIFICATION_URL_NOT_INTERNAL: Rule {
        code: "NotificationUrlNotInternal",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let internal = |v: &Value| v.get("x-ms-visibility").and_then(Value::as_str) == Some("internal");
    for (op, body, f) in fields(cx) {
        if !internal(f.value) && !internal(body) && !f.ancestors.iter().any(|(a, _)| internal(a)) {
            sink.emit(
                f.pointer.clone(),
                format!(
                    "notification URL field '{}' of {} is not internal",
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
    fn visible_callback_field() {
        let d = hook(
            json!({"type": "string", "x-ms-notification-url": true}),
            true,
            true,
        );
        // An internal body parameter hides the field too.
        let mut d_2 = hook(
            json!({"type": "string", "x-ms-notification-url": true}),
            true,
            true,
        );
        d_2["paths"]["/hooks"]["post"]["parameters"][0]["x-ms-visibility"] = json!("internal");
        Tester::new(
            &NOTIFICATION_URL_NOT_INTERNAL,
            vec![hook(good_field(), true, true), d_2],
            vec![fail(d).at([CALLBACK]).then(|f| {
                assert!(
                    f[0].message
                        .starts_with("notification URL field 'callback' of ")
                );
            })],
        )
        .test();
    }
}
