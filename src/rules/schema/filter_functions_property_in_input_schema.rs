use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `filterFunctions` in a request schema
    ///
    /// ### Why
    /// Filter functions describe what the service can filter in its responses; they have no meaning
    /// on a request body. Keep them on response schemas.
    pub static FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA: Rule {
        code: "FilterFunctionsPropertyInInputSchema",
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
}
