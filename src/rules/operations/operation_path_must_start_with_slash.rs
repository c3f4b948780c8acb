use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A path key does not start with `/`
    ///
    /// ### Why
    /// Path keys are relative to `basePath` and must begin with `/`.
    pub static OPERATION_PATH_MUST_START_WITH_SLASH: Rule {
        code: "OperationPathMustStartWithSlash",
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
        if !p.starts_with('/') && !p.starts_with("x-") {
            sink.emit(join("/paths", p), format!("path '{p}' must start with '/'"));
        }
    }
}
