use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A path contains `*`
    ///
    /// ### Why
    /// Wildcards are not supported in path templates; model the variable part as a `{parameter}`.
    ///
    /// ### Example
    /// Bad: `"/files/*"`
    /// Good: `"/files/{path}"` with a path parameter `path`
    pub(crate) static OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS: Rule {
        code: "OperationPathContainsUnsupportedCharacters",
        severity: Severity::Error,
        gate: Gate::Pipeline,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn wildcard() {
        let d = patch(minimal(), json!({"paths": {"/a*": {}}}));
        Tester::new(
            &OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1a*"])],
        )
        .test();
    }
}
