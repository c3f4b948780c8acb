use super::*;

pub static FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA: Rule = Rule {
    code: "FilterFunctionsPropertyInInputSchema",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`filterFunctions` in a request schema",
    explanation: "Filter functions describe what the service can filter in its responses; \
they have no meaning on a request body. Keep them on response schemas.",
    source: SV,
    check: |cx, sink| {
        for (at, _, kind) in filter_functions(cx) {
            if matches!(
                kind,
                Kind::Schema {
                    role: SchemaRole::Input,
                    ..
                }
            ) {
                sink.emit(at, "`filterFunctions` is only allowed in response schemas");
            }
        }
    },
};
