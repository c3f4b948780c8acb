use super::*;

pub static FILTER_FUNCTIONS_PROPERTY_EMPTY: Rule = Rule {
    code: "FilterFunctionsPropertyEmpty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`filterFunctions` is present but empty",
    explanation: "`filterFunctions` lists the OData filter functions a response property \
supports (used by dynamic-schema connectors for server-side filtering). An empty list is \
refused: list the functions, or remove the key.",
    source: SV,
    check: |cx, sink| {
        for (at, f, _) in filter_functions(cx) {
            if f.as_array().is_some_and(Vec::is_empty) {
                sink.emit(at, "`filterFunctions` is empty");
            }
        }
    },
};
