use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operationId with characters other than letters, digits and `_`
    ///
    /// ### Why
    /// The platform rewrites operationIds with other characters (`-`, `.`, spaces…), so the id
    /// flows and dynamic references see differs from the one written. Use PascalCase letters and
    /// digits (`_V2` suffixes are fine).
    ///
    /// ### Example
    /// Bad: `get-task`
    /// Good: `GetTask`.
    pub(crate) static OPERATION_ID_SANITIZED: Rule {
        code: "OperationIdSanitized",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if let Some(id) = op.operation_id
            && !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            sink.emit(
                join(&op.pointer, "operationId"),
                format!("operationId '{id}' will be sanitized"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn characters_the_platform_rewrites() {
        let d = fam(json!([{"operationId": "get-task"}, {"operationId": "GetTask_V2"}]));
        Tester::new(
            &OPERATION_ID_SANITIZED,
            vec![fam(
                json!([{"operationId": "GetTask"}, {"operationId": "GetTask_V2"}]),
            )],
            vec![fail(d).at([at(0, "/operationId")]).then(|f| {
                assert_eq!(f[0].message, "operationId 'get-task' will be sanitized");
            })],
        )
        .test();
    }
}
