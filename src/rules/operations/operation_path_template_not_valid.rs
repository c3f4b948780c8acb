use super::*;

pub static OPERATION_PATH_TEMPLATE_NOT_VALID: Rule = Rule {
    code: "OperationPathTemplateNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Unbalanced braces in a path template",
    explanation: "Each `{` must close with `}` inside the same path segment. A literal brace \
must be percent-encoded (`%7B`, `%7D`).",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if let Err(e) = template_variables(p) {
                sink.emit(
                    join("/paths", p),
                    format!("path template '{p}' is not valid: {e}"),
                );
            }
        }
    },
};
