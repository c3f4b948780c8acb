use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `$ref` to a missing `#/responses/…` entry
    ///
    /// ### Why
    /// The referenced shared response does not exist under the root `responses`.
    pub static RESPONSE_REFERENCE_NOT_FOUND: Rule {
        code: "ResponseReferenceNotFound",
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
    not_found(cx, sink, RefKind::Response)
}
