use super::*;

def_rule!(
    NOTIFICATION_OPERATION_MUST_BE_WEBHOOK,
    "NotificationOperationMustBeWebhook",
    Error,
    ALL,
    "`x-ms-notification.operationId` names an operation that is not a webhook trigger",
    "The operation named by `x-ms-notification` must be a webhook registration: a trigger whose \
body has an `x-ms-notification-url` field and whose path item has `x-ms-notification-content`.",
    WH,
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in ops(cx) {
            let Some(id) = notification_target(op) else {
                continue;
            };
            if let Some(target) = sw.operation_by_id(id)
                && !is_webhook(cx, target)
            {
                sink.emit(
                    join(&join(&op.pointer, "x-ms-notification"), "operationId"),
                    format!("'{id}' is not a webhook trigger"),
                );
            }
        }
    }
);
