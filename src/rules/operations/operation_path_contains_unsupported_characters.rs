use super::*;

pub static OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS: Rule = Rule {
    code: "OperationPathContainsUnsupportedCharacters",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path contains `*`",
    explanation: "Wildcards are not supported in path templates; model the variable part as a \
`{parameter}`.",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if p.contains('*') {
                sink.emit(join("/paths", p), format!("path '{p}' contains '*'"));
            }
        }
    },
};
