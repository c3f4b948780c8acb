use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A webhook trigger with no input field flagged `x-ms-notification-url: true`
    ///
    /// ### Why
    /// The platform fills the callback URL into the field marked `"x-ms-notification-url": true` (a
    /// required, internal string in the registration body). A trigger whose path item declares
    /// `x-ms-notification-content` but has no such field can never register its callback.
    ///
    /// ### Example
    /// Bad: a trigger whose path item has `x-ms-notification-content` and whose body field `callback` is `{"type": "string"}`
    /// Good: `"callback": {"type": "string", "x-ms-notification-url": true, "x-ms-visibility": "internal"}`
    pub(crate) static WEBHOOK_OPERATIONS_MISSING_NOTIFICATION_URL_PROPERTY: Rule {
        code: "WebhookOperationsMissingNotificationUrlProperty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if op.is_trigger() && op.has_notification_content() && !has_url_field(cx, op) {
            sink.emit(
                op.pointer.clone(),
                format!(
                    "webhook trigger {} has no x-ms-notification-url field",
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
    fn webhook_without_url_field() {
        let d = hook(json!({"type": "string"}), true, true);
        // Without notification content it is not a webhook trigger.
        let d_2 = hook(json!({"type": "string"}), false, true);
        Tester::new(
            &WEBHOOK_OPERATIONS_MISSING_NOTIFICATION_URL_PROPERTY,
            vec![d_2],
            vec![fail(d).at(["/paths/~1hooks/post"]).then(|f| {
                assert!(f[0].message.ends_with("has no x-ms-notification-url field"));
            })],
        )
        .test();
    }
}
