use super::*;

def_rule!(
    INVALID_FORM_DATA_PARAMETER_NAME,
    "InvalidFormDataParameterName",
    Error,
    ALL,
    "A formData parameter name has non-ASCII characters",
    "Form field names are sent as-is in the multipart or URL-encoded body and must be US-ASCII. \
Rename the parameter and put the display text in `x-ms-summary`.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") == Some("formData")
                && let Some(n) = s(v, "name")
                && !n.is_ascii()
            {
                sink.emit(
                    join(&ptr, "name"),
                    format!("formData parameter name '{n}' is not US-ASCII"),
                );
            }
        }
    }
);
