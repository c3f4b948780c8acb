use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `basePath` does not start with `/`
    ///
    /// ### Why
    /// `basePath` is appended to the host and must begin with a slash (`/` alone is fine).
    ///
    /// ### Example
    /// Bad: `"basePath": "v1"`
    /// Good: `"basePath": "/v1"`
    pub(crate) static BASE_PATH_NOT_VALID: Rule {
        code: "BasePathNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn base_path_without_leading_slash() {
        Tester::new(
            &BASE_PATH_NOT_VALID,
            vec![minimal(), patch(minimal(), json!({"basePath": "/v1"}))],
            vec![
                // The Bad example.
                fail(patch(minimal(), json!({"basePath": "v1"})))
                    .at(["/basePath"])
                    .then(|f| {
                        assert_eq!(f[0].message, "basePath 'v1' must start with '/'");
                    }),
            ],
        )
        .test();
    }
}
