use super::*;

def_rule!(
    NOTIFICATION_URL_NOT_REQUIRED,
    "NotificationUrlNotRequired",
    Warning,
    ALL,
    "The notification URL field is not required at every level",
    "If the field or any object containing it is optional, the registration may be sent without \
the callback URL. List it in `required` at every level and make the body parameter \
`\"required\": true`.",
    WH,
    |cx, sink| {
        for (op, body, f) in fields(cx) {
            if !f.required_in_parent
                || !is_true(body, "required")
                || f.ancestors.iter().any(|(_, r)| !r)
            {
                sink.emit(
                    f.pointer.clone(),
                    format!(
                        "notification URL field '{}' of {} is not required at every level",
                        f.name,
                        op.label()
                    ),
                );
            }
        }
    }
);
