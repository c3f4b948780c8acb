use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than one success response of an operation has a schema
    ///
    /// ### Why
    /// The designer shows the outputs of one response only. When several 2xx responses carry
    /// schemas, the others are ignored and flows cannot use their fields. Merge them into one
    /// schema.
    ///
    /// ### Example
    /// Bad: `"200": {"description": "OK", "schema": {…}}, "201": {"description": "Created", "schema": {…}}`
    /// Good: one schema on `200`, and `"201": {"description": "Created"}`
    ///
    /// ### Evidence
    /// Calibration: schemas on error responses (4xx/5xx) are common in certified connectors and
    /// harmless (they never become outputs), so only 2xx responses are counted.
    pub(crate) static OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA: Rule {
        code: "OperationHasManyResponsesWithSchema",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for op in &sw.operations {
        let Some(m) = op.get("responses").and_then(Value::as_object) else {
            continue;
        };
        let base = join(&op.pointer, "responses");
        let mut first: Option<&str> = None;
        for (k, r) in m {
            if !k.starts_with('2') {
                continue;
            }
            let (r, _) = sw.resolve_or_self(r, &join(&base, k));
            if r.get("schema").is_none() {
                continue;
            }
            match first {
                None => first = Some(k),
                Some(f) => sink.emit(
                    join(&join(&base, k), "schema"),
                    format!("response {k} has a schema, as {f} does: only one is used"),
                ),
            }
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
    fn many_success_schemas() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {
            "201": {"description": "Created", "schema": {"type": "object"}},
            "400": {"description": "Bad", "schema": {"type": "object"}}}}}}}),
        );
        Tester::new(
            &OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA,
            vec![minimal()],
            vec![
                fail(def)
                    .at([format!("{GET}/responses/201/schema").as_str()])
                    .then(|f| {
                        assert_eq!(f[0].severity, Severity::Warning);
                    }),
            ],
        )
        .test();
    }
}
