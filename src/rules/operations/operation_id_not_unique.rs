use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two operations share an `operationId`
    ///
    /// ### Why
    /// operationIds must be unique across the whole definition. The comparison ignores letter case,
    /// as the platform's does: `GetItem` and `getItem` collide.
    ///
    /// ### Example
    /// Bad: `"get": {"operationId": "GetTask"}` on one path and `"post": {"operationId": "gettask"}` on
    /// another
    /// Good: `"operationId": "GetTask"` and `"operationId": "CreateTask"`
    pub(crate) static OPERATION_ID_NOT_UNIQUE: Rule {
        code: "OperationIdNotUnique",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut first: HashMap<String, &Operation<'_>> = HashMap::new();
    for op in ops(cx) {
        let Some(id) = op.operation_id else { continue };
        match first.get(&id.to_lowercase()) {
            Some(prev) => sink.emit(
                join(&op.pointer, "operationId"),
                format!(
                    "operationId '{id}' is already used by {} {}",
                    prev.method.to_uppercase(),
                    prev.path
                ),
            ),
            None => {
                first.insert(id.to_lowercase(), op);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn ids_differing_in_case() {
        let d = patch(
            minimal(),
            json!({"paths": {"/other": {"post": {"operationId": "gettask", "responses": {"200": {"description": "x"}}}}}}),
        );
        Tester::new(
            &OPERATION_ID_NOT_UNIQUE,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1other/post/operationId"]).then(|f| {
                assert!(f[0].message.contains("GET /tasks/{taskId}"));
            })],
        )
        .test();
    }
}
