use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A query, header, path or formData parameter has a `schema`
    ///
    /// ### Why
    /// Only body parameters have a `schema`; others describe their value with `type`, `format`,
    /// `items`, `enum` directly.
    ///
    /// ### Example
    /// Bad: `{"name": "q", "in": "query", "schema": {"type": "string"}}`
    /// Good: `{"name": "q", "in": "query", "type": "string"}`
    pub(crate) static NON_BODY_PARAMETER_SCHEMA_NOT_VALID: Rule {
        code: "NonBodyParameterSchemaNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if matches!(s(v, "in"), Some(l) if l != "body") && v.get("schema").is_some() {
            sink.emit(
                join(&ptr, "schema"),
                "only body parameters may have a schema",
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
    fn schema_on_query() {
        let d = with_param(json!({"name": "q", "in": "query", "type": "string", "schema": {}}));
        let d_2 = with_param(json!({"name": "b", "in": "body", "schema": {}}));
        Tester::new(
            &NON_BODY_PARAMETER_SCHEMA_NOT_VALID,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1/schema")])],
        )
        .test();
    }
}
