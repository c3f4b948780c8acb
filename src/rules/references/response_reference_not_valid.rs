use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A response `$ref` that does not point into `#/responses/`
    ///
    /// ### Why
    /// Responses may only reference entries of the root `responses`.
    pub static RESPONSE_REFERENCE_NOT_VALID: Rule {
        code: "ResponseReferenceNotValid",
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
    not_valid(cx, sink, RefKind::Response)
}
