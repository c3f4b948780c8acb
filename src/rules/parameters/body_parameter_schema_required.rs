use super::*;

def_rule!(
    BODY_PARAMETER_SCHEMA_REQUIRED,
    "BodyParameterSchemaRequired",
    Error,
    ALL,
    "An `in: body` parameter without `schema`",
    "A body parameter describes its payload with `schema` (even a plain string body: \
`{\"type\": \"string\"}`).",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") == Some("body") && v.get("schema").is_none() {
                sink.emit(ptr, "body parameter has no schema");
            }
        }
    }
);
