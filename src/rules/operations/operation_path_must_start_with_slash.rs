use super::*;

pub static OPERATION_PATH_MUST_START_WITH_SLASH: Rule = Rule {
    code: "OperationPathMustStartWithSlash",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path key does not start with `/`",
    explanation: "Path keys are relative to `basePath` and must begin with `/`.",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if !p.starts_with('/') && !p.starts_with("x-") {
                sink.emit(join("/paths", p), format!("path '{p}' must start with '/'"));
            }
        }
    },
};
