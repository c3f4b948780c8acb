use super::*;
use crate::rules::prelude::*;

/// Whether a schema says nothing (`{}` or only a description/title).
fn empty_schema(v: &Value) -> bool {
    v.as_object().is_some_and(|m| {
        m.keys()
            .all(|k| matches!(k.as_str(), "description" | "title" | "x-ms-summary"))
    })
}

crate::declare_code! {
    /// A trigger without an output schema, or a success response with an empty schema
    ///
    /// ### Why
    /// The designer shows an operation's outputs from the schema of its success response (for
    /// webhook triggers, from the path's `x-ms-notification-content`). A trigger without one gives
    /// the flow nothing to use, and an empty schema (`"schema": {}`) hides the outputs while
    /// claiming there are some. Describe the body exactly, or, for a response without a body (204),
    /// omit `schema` altogether. Operations with `x-ms-dynamic-schema` are exempt.
    ///
    /// ### Example
    /// Bad: `"200": {"description": "OK", "schema": {}}`
    /// Good: `"200": {"description": "OK", "schema": {"$ref": "#/definitions/Task"}}`
    ///
    /// ### Evidence
    /// Calibration: an action whose 200 response has no schema at all is not reported — many
    /// certified actions legitimately return nothing users need — only triggers without outputs and
    /// 2xx schemas that are empty objects.
    pub(crate) static SCHEMA_DEFINITION_SET_INCORRECTLY: Rule {
        code: "SchemaDefinitionSetIncorrectly",
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
        if !op.value.is_object() || op.is_deprecated() {
            continue;
        }
        let Some(responses) = op.get("responses").and_then(Value::as_object) else {
            continue;
        };
        let base = join(&op.pointer, "responses");
        let mut any_schema = false;
        for (k, r) in responses {
            if !k.starts_with('2') {
                continue;
            }
            let rp = join(&base, k);
            let (rv, rptr) = sw.resolve_or_self(r, &rp);
            if let Some(s) = rv.get("schema") {
                any_schema = true;
                let sp = join(&rptr, "schema");
                let (sv, _) = sw.resolve_or_self(s, &sp);
                if empty_schema(sv) && sv.get("x-ms-dynamic-schema").is_none() {
                    sink.emit(
                            sp,
                            format!(
                                "the {k} response of {} has an empty schema: describe the body or remove `schema`",
                                op.label()
                            ),
                        );
                }
            }
        }
        if op.is_trigger() && !any_schema {
            let notif = op
                .path_item
                .get("x-ms-notification-content")
                .and_then(|n| n.get("schema"));
            if notif.is_none() {
                sink.emit(
                        op.pointer.clone(),
                        format!(
                            "trigger {} has no output schema (on a 2xx response or in the path's x-ms-notification-content)",
                            op.label()
                        ),
                    );
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
    fn output_schemas() {
        let mut def = cert();
        def.pointer_mut(&format!("{OP}/responses/200")).unwrap()["schema"] = json!({});
        let trig = op_patch(
            json!({"x-ms-trigger": "single", "responses": {"200": {"description": "OK", "schema": null}}}),
        );
        // No body at all on an action is fine.
        let none = op_patch(json!({"responses": {"200": {"description": "OK", "schema": null}}}));
        Tester::new(
            &SCHEMA_DEFINITION_SET_INCORRECTLY,
            vec![(none, Profile::Certified)],
            vec![
                fail((def, Profile::Certified)).at([format!("{OP}/responses/200/schema")]),
                fail((trig, Profile::Certified)).at([OP.to_string()]),
            ],
        )
        .test();
    }
}
