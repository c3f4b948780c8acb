use super::*;

pub static REQUIRED_PROPERTY_ARRAY_EMPTY: Rule = Rule {
    code: "RequiredPropertyArrayEmpty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A schema has `required: []`",
    explanation: "An empty `required` list says nothing and is refused (draft-04 JSON Schema, \
which Swagger 2.0 builds on, requires at least one name). Remove the key.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            if n.get("required")
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty)
            {
                sink.emit(n.at("required"), "`required` is empty: remove it");
            }
        }
    },
};
