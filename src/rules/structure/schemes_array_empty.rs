use super::*;

pub static SCHEMES_ARRAY_EMPTY: Rule = Rule {
    code: "SchemesArrayEmpty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`schemes` is present but empty",
    explanation: "An empty `schemes` list leaves the connector with no way to call the service. \
List `https` (or remove the key).",
    source: SV,
    check: |cx, sink| {
        if schemes(cx)
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            sink.emit("/schemes", "`schemes` must not be empty: use [\"https\"]");
        }
    },
};
