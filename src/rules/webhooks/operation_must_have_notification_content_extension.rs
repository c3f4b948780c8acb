use super::*;

def_rule!(
    OPERATION_MUST_HAVE_NOTIFICATION_CONTENT_EXTENSION,
    "OperationMustHaveNotificationContentExtension",
    Error,
    ALL,
    "An operation with an `x-ms-notification-url` field whose path item has no \
`x-ms-notification-content`",
    "A webhook trigger's outputs are the payload the service posts to the callback URL; they \
are declared on the path item (next to `post`) as `x-ms-notification-content: {schema}`. \
Without it the trigger has no outputs.\n\nGood: `\"/hooks\": {\"x-ms-notification-content\": \
{\"schema\": {\"$ref\": \"#/definitions/Event\"}}, \"post\": {…}}`.",
    WH,
    |cx, sink| {
        for op in ops(cx) {
            if has_url_field(cx, op) && !has_content(op) {
                sink.emit(
                    op.pointer.clone(),
                    format!(
                        "{} has a notification URL field but '{}' has no x-ms-notification-content",
                        op.label(),
                        op.path
                    ),
                );
            }
        }
    }
);
