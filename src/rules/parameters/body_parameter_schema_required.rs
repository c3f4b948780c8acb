use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `in: body` parameter without `schema`
    ///
    /// ### Why
    /// A body parameter describes its payload with `schema` (even a plain string body: `{"type":
    /// "string"}`).
    ///
    /// ### Example
    /// Bad: `{"name": "body", "in": "body", "required": true}`
    /// Good: `{"name": "body", "in": "body", "required": true, "schema": {"type": "string"}}`
    pub(crate) static BODY_PARAMETER_SCHEMA_REQUIRED: Rule {
        code: "BodyParameterSchemaRequired",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if s(v, "in") == Some("body") && v.get("schema").is_none() {
            sink.emit(ptr, "body parameter has no schema");
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
    fn body_without_schema() {
        let d = with_param(json!({"name": "body", "in": "body", "type": "string"}));
        let d_2 = with_param(json!({"name": "body", "in": "body", "schema": {"type": "string"}}));
        Tester::new(
            &BODY_PARAMETER_SCHEMA_REQUIRED,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1")])],
        )
        .test();
    }
}
