use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A path contains `*`
    ///
    /// ### Why
    /// Wildcards are not supported in path templates; model the variable part as a `{parameter}`.
    pub static OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS: Rule {
        code: "OperationPathContainsUnsupportedCharacters",
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
    for (p, _) in paths(cx) {
        if p.contains('*') {
            sink.emit(join("/paths", p), format!("path '{p}' contains '*'"));
        }
    }
}
