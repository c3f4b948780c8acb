use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Unbalanced braces in a path template
    ///
    /// ### Why
    /// Each `{` must close with `}` inside the same path segment. A literal brace must be
    /// percent-encoded (`%7B`, `%7D`).
    pub static OPERATION_PATH_TEMPLATE_NOT_VALID: Rule {
        code: "OperationPathTemplateNotValid",
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
        if let Err(e) = template_variables(p) {
            sink.emit(
                join("/paths", p),
                format!("path template '{p}' is not valid: {e}"),
            );
        }
    }
}
