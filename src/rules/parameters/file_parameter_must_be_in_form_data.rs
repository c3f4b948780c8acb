use super::*;

def_rule!(
    FILE_PARAMETER_MUST_BE_IN_FORM_DATA,
    "FileParameterMustBeInFormData",
    Error,
    ALL,
    "A `type: file` parameter that is not `in: formData`",
    "Swagger 2.0 only allows `type: file` for form fields. For a raw binary body use a body \
parameter with `schema: {type: string, format: binary}`.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "type") == Some("file") && s(v, "in") != Some("formData") {
                sink.emit(join(&ptr, "type"), "a file parameter must be in formData");
            }
        }
    }
);
