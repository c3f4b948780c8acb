use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A root `parameters` entry that is itself a `$ref`
    ///
    /// ### Why
    /// Shared parameters must be written out; an entry of the root `parameters` may not point to
    /// another entry.
    pub static PARAMETER_REF_LOOP_NOT_ALLOWED: Rule {
        code: "ParameterRefLoopNotAllowed",
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
    ref_loop(cx, sink, "parameters", "parameter")
}
