use super::*;

def_rule!(
    NOTIFICATION_URL_NOT_INTERNAL,
    "NotificationUrlNotInternal",
    Error,
    ALL,
    "The notification URL field is visible to users",
    "Users must not type the callback URL: the platform fills it in. Mark the field (or one of \
its ancestors, or the body parameter) `\"x-ms-visibility\": \"internal\"`.",
    WH,
    |cx, sink| {
        let internal =
            |v: &Value| v.get("x-ms-visibility").and_then(Value::as_str) == Some("internal");
        for (op, body, f) in fields(cx) {
            if !internal(f.value)
                && !internal(body)
                && !f.ancestors.iter().any(|(a, _)| internal(a))
            {
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
);
