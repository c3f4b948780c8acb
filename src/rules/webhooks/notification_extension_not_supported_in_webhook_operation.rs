use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-notification` on a webhook registration operation
    ///
    /// ### Why
    /// `x-ms-notification` lets a (polling or fetch) trigger point at the webhook that delivers its
    /// events. The webhook operation itself must not carry it; remove it there.
    ///
    /// ### Example
    /// Bad: `"post": {"operationId": "OnEvent", "x-ms-trigger": "single", "x-ms-notification": {"operationId": "OnEvent"}, …}` on the webhook itself
    /// Good: the same webhook without `x-ms-notification`; put it on the polling trigger that names `OnEvent`
    pub(crate) static NOTIFICATION_EXTENSION_NOT_SUPPORTED_IN_WEBHOOK_OPERATION: Rule {
        code: "NotificationExtensionNotSupportedInWebhookOperation",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if op.get("x-ms-notification").is_some() && is_webhook(cx, op) {
            sink.emit(
                join(&op.pointer, "x-ms-notification"),
                format!(
                    "{} is a webhook and cannot have x-ms-notification",
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

    #[test]
    fn notification_on_the_webhook() {
        Tester::new(
            &NOTIFICATION_EXTENSION_NOT_SUPPORTED_IN_WEBHOOK_OPERATION,
            vec![
                // On the polling trigger that names the webhook: fine.
                with_notification(),
            ],
            vec![
                fail(webhook_with_notification())
                    .at(["/paths/~1hooks/post/x-ms-notification"])
                    .then(|f| {
                        assert!(
                            f[0].message
                                .contains("is a webhook and cannot have x-ms-notification")
                        );
                    }),
            ],
        )
        .test();
    }
}
