use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Unbalanced braces in a path template
    ///
    /// ### Why
    /// Each `{` must close with `}` inside the same path segment. A literal brace must be
    /// percent-encoded (`%7B`, `%7D`).
    ///
    /// ### Example
    /// Bad: `"/tasks/{taskId"`
    /// Good: `"/tasks/{taskId}"`
    pub(crate) static OPERATION_PATH_TEMPLATE_NOT_VALID: Rule {
        code: "OperationPathTemplateNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn unclosed_brace() {
        let d = patch(minimal(), json!({"paths": {"/c/{x": {}}}));
        Tester::new(
            &OPERATION_PATH_TEMPLATE_NOT_VALID,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1c~1{x"])],
        )
        .test();
    }
}
