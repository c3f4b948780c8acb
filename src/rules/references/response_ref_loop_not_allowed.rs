use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A root `responses` entry that is itself a `$ref`
    ///
    /// ### Why
    /// Shared responses must be written out; an entry of the root `responses` may not point to
    /// another entry.
    pub static RESPONSE_REF_LOOP_NOT_ALLOWED: Rule {
        code: "ResponseRefLoopNotAllowed",
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
    ref_loop(cx, sink, "responses", "response")
}
