use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `filterFunctions` repeats a value
    ///
    /// ### Why
    /// Each filter function is listed once.
    pub static FILTER_FUNCTIONS_PROPERTY_HAS_DUPLICATES: Rule {
        code: "FilterFunctionsPropertyHasDuplicates",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, f, _) in filter_functions(cx) {
        for i in duplicates(f.as_array().map(Vec::as_slice).unwrap_or(&[])) {
            sink.emit(join_index(&at, i), "this filter function is already listed");
        }
    }
}
