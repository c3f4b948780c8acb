use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two operations with the same method on paths that differ only in variable names
    ///
    /// ### Why
    /// `/items/{id}` and `/items/{itemId}` are the same route: requests cannot be told apart. Keep
    /// one path.
    ///
    /// ### Example
    /// Bad: `"/items/{id}": {"get": …}` and `"/items/{itemId}": {"get": …}`
    /// Good: one `"/items/{itemId}": {"get": …}`
    ///
    /// ### Evidence
    /// Calibration: paths that differ by a trailing slash are not duplicates (a certified connector
    /// changed in 2024 has `/documents` and `/documents/`).
    pub(crate) static DUPLICATE_OPERATION_PATH: Rule {
        code: "DuplicateOperationPath",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut seen: HashMap<(String, &str), &Operation<'_>> = HashMap::new();
    for op in ops(cx) {
        let key = (path_shape(op.path), op.method);
        match seen.get(&key) {
            Some(prev)
                if prev.path != op.path && prev.path.to_lowercase() != op.path.to_lowercase() =>
            {
                sink.emit(
                    op.pointer.clone(),
                    format!(
                        "{} '{}' duplicates '{}' ({})",
                        op.method.to_uppercase(),
                        op.path,
                        prev.path,
                        prev.label()
                    ),
                )
            }
            Some(_) => {}
            None => {
                seen.insert(key, op);
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
    fn trailing_slash_is_a_different_path() {
        let op = |id: &str| json!({"post": {"operationId": id, "responses": {"200": {"description": "ok"}}}});
        let d = patch(
            minimal(),
            json!({"paths": {"/docs": op("A"), "/docs/": op("B")}}),
        );
        let d_2 = patch(
            minimal(),
            json!({"paths": {"/docs/{a}": op("A"), "/docs/{b}": op("B")}}),
        );
        Tester::new(&DUPLICATE_OPERATION_PATH, vec![d], vec![fail(d_2).count(1)]).test();
    }

    #[test]
    fn same_route_other_variable_name() {
        let d = patch(
            minimal(),
            json!({"paths": {"/tasks/{id}": {"get": {"operationId": "Other", "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}], "responses": {"200": {"description": "ok"}}}}}}),
        );
        Tester::new(
            &DUPLICATE_OPERATION_PATH,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1tasks~1{id}/get"])],
        )
        .without_snapshot()
        .test();
    }
}
