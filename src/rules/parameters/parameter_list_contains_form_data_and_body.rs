use super::*;

def_rule!(
    PARAMETER_LIST_CONTAINS_FORM_DATA_AND_BODY,
    "ParameterListContainsFormDataAndBody",
    Error,
    ALL,
    "An operation has both `in: body` and `in: formData` parameters",
    "The body is either a JSON/text payload or a form; it cannot be both. Move the form fields \
into the body schema, or drop the body parameter.",
    |cx, sink| {
        for op in ops(cx) {
            let has_body = op.params.iter().any(|p| p.location == Some("body"));
            if let Some(f) = op.params.iter().find(|p| p.location == Some("formData"))
                && has_body
            {
                sink.emit(
                    f.pointer.clone(),
                    format!("{} mixes body and formData parameters", op.label()),
                );
            }
        }
    }
);
