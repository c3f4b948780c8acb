use super::*;

def_rule!(
    NOTIFICATION_EXTENSION_NOT_SUPPORTED_IN_WEBHOOK_OPERATION,
    "NotificationExtensionNotSupportedInWebhookOperation",
    Error,
    ALL,
    "`x-ms-notification` on a webhook registration operation",
    "`x-ms-notification` lets a (polling or fetch) trigger point at the webhook that delivers \
its events. The webhook operation itself must not carry it; remove it there.",
    WH,
    |cx, sink| {
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
);
