use super::*;

pub static BASE_PATH_NOT_VALID: Rule = Rule {
    code: "BasePathNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`basePath` does not start with `/`",
    explanation: "`basePath` is appended to the host and must begin with a slash (`/` alone is \
fine).",
    source: SV,
    check: |cx, sink| {
        let Some(bp) = cx
            .connector
            .definition_value()
            .and_then(|r| r.get("basePath"))
        else {
            return;
        };
        match bp.as_str() {
            Some(s) if s.starts_with('/') => {}
            Some(s) => sink.emit("/basePath", format!("basePath '{s}' must start with '/'")),
            None => sink.emit("/basePath", "`basePath` must be a string"),
        }
    },
};
