use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A parameter `$ref` that does not point into `#/parameters/`
    ///
    /// ### Why
    /// Entries of a `parameters` list may only reference entries of the root `parameters`.
    pub static PARAMETER_REFERENCE_NOT_VALID: Rule {
        code: "ParameterReferenceNotValid",
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
    not_valid(cx, sink, RefKind::Parameter)
}
