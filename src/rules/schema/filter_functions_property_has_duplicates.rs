use super::*;

pub static FILTER_FUNCTIONS_PROPERTY_HAS_DUPLICATES: Rule = Rule {
    code: "FilterFunctionsPropertyHasDuplicates",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`filterFunctions` repeats a value",
    explanation: "Each filter function is listed once.",
    source: SV,
    check: |cx, sink| {
        for (at, f, _) in filter_functions(cx) {
            for i in duplicates(f.as_array().map(Vec::as_slice).unwrap_or(&[])) {
                sink.emit(join_index(&at, i), "this filter function is already listed");
            }
        }
    },
};
