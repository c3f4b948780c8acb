use super::*;

def_rule!(
    NOTIFICATION_EXTENSION_SUPPORTED_FOR_TRIGGER_ONLY,
    "NotificationExtensionSupportedForTriggerOnly",
    Error,
    ALL,
    "`x-ms-notification` on an operation without `x-ms-trigger`",
    "Only triggers receive notifications. Add `x-ms-trigger` to the operation or remove \
`x-ms-notification`.",
    WH,
    |cx, sink| {
        for op in ops(cx) {
            if op.get("x-ms-notification").is_some() && !op.is_trigger() {
                sink.emit(
                    join(&op.pointer, "x-ms-notification"),
                    format!("{} is not a trigger", op.label()),
                );
            }
        }
    }
);
