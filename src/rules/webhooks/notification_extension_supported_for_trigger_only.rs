use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-notification` on an operation without `x-ms-trigger`
    ///
    /// ### Why
    /// Only triggers receive notifications. Add `x-ms-trigger` to the operation or remove
    /// `x-ms-notification`.
    ///
    /// ### Example
    /// Bad: `"get": {"operationId": "Act", "x-ms-notification": {"operationId": "OnEvent"}, …}` (no `x-ms-trigger`)
    /// Good: `"get": {"operationId": "Poll", "x-ms-trigger": "batch", "x-ms-notification": {"operationId": "OnEvent"}, …}`
    pub(crate) static NOTIFICATION_EXTENSION_SUPPORTED_FOR_TRIGGER_ONLY: Rule {
        code: "NotificationExtensionSupportedForTriggerOnly",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if op.get("x-ms-notification").is_some() && !op.is_trigger() {
            sink.emit(
                join(&op.pointer, "x-ms-notification"),
                format!("{} is not a trigger", op.label()),
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
    fn notification_on_an_action() {
        Tester::new(
            &NOTIFICATION_EXTENSION_SUPPORTED_FOR_TRIGGER_ONLY,
            vec![patch(with_notification(), json!({"paths": {"/act": null}}))],
            vec![
                fail(with_notification())
                    .at(["/paths/~1act/get/x-ms-notification"])
                    .then(|f| {
                        assert!(f[0].message.ends_with("is not a trigger"));
                    }),
            ],
        )
        .test();
    }
}
