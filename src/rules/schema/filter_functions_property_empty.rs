use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `filterFunctions` is present but empty
    ///
    /// ### Why
    /// `filterFunctions` lists the OData filter functions a response property supports (used by
    /// dynamic-schema connectors for server-side filtering). An empty list is refused: list the
    /// functions, or remove the key.
    pub static FILTER_FUNCTIONS_PROPERTY_EMPTY: Rule {
        code: "FilterFunctionsPropertyEmpty",
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
        if f.as_array().is_some_and(Vec::is_empty) {
            sink.emit(at, "`filterFunctions` is empty");
        }
    }
}
