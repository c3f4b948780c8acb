use super::*;

def_rule!(
    WEBHOOK_OPERATIONS_MISSING_NOTIFICATION_URL_PROPERTY,
    "WebhookOperationsMissingNotificationUrlProperty",
    Error,
    ALL,
    "A webhook trigger with no input field flagged `x-ms-notification-url: true`",
    "The platform fills the callback URL into the field marked `\"x-ms-notification-url\": \
true` (a required, internal string in the registration body). A trigger whose path item \
declares `x-ms-notification-content` but has no such field can never register its callback.",
    WH,
    |cx, sink| {
        for op in ops(cx) {
            if op.is_trigger() && has_content(op) && !has_url_field(cx, op) {
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
);
