use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A path key does not start with `/`
    ///
    /// ### Why
    /// Path keys are relative to `basePath` and must begin with `/`.
    ///
    /// ### Example
    /// Bad: `"tasks/{taskId}"`
    /// Good: `"/tasks/{taskId}"`
    pub(crate) static OPERATION_PATH_MUST_START_WITH_SLASH: Rule {
        code: "OperationPathMustStartWithSlash",
        severity: Severity::Error,
        gate: Gate::Pipeline,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn no_leading_slash() {
        let d = patch(minimal(), json!({"paths": {"tasks": {}}}));
        Tester::new(
            &OPERATION_PATH_MUST_START_WITH_SLASH,
            vec![minimal()],
            vec![fail(d).at(["/paths/tasks"])],
        )
        .test();
    }
}
