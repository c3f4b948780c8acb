use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `$ref` to a missing `#/parameters/…` entry
    ///
    /// ### Why
    /// The referenced shared parameter does not exist under the root `parameters`.
    pub static PARAMETER_REFERENCE_NOT_FOUND: Rule {
        code: "ParameterReferenceNotFound",
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
    not_found(cx, sink, RefKind::Parameter)
}
