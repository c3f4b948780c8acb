use super::*;

def_rule!(
    NON_BODY_PARAMETER_SCHEMA_NOT_VALID,
    "NonBodyParameterSchemaNotValid",
    Error,
    ALL,
    "A query, header, path or formData parameter has a `schema`",
    "Only body parameters have a `schema`; others describe their value with `type`, `format`, \
`items`, `enum` directly.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if matches!(s(v, "in"), Some(l) if l != "body") && v.get("schema").is_some() {
                sink.emit(
                    join(&ptr, "schema"),
                    "only body parameters may have a schema",
                );
            }
        }
    }
);
