use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `swagger` is not the string "2.0"
    ///
    /// ### Why
    /// Custom connectors are described in OpenAPI 2.0 (Swagger) only; OpenAPI 3 documents are
    /// refused by the platform. Set `"swagger": "2.0"` (a string, not a number). To turn an OpenAPI
    /// 3 description into a connector definition, use `connkit convert`.
    ///
    /// ### Example
    /// Bad: `"swagger": 2.0` (a number), or `"openapi": "3.0.1"`
    /// Good: `"swagger": "2.0"`
    pub(crate) static SPECIFICATION_VERSION_INCORRECT: Rule {
        code: "SpecificationVersionIncorrect",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(root) = cx.connector.definition_value() else {
        return;
    };
    match root.get("swagger") {
        Some(Value::String(s)) if s == "2.0" => {}
        Some(v) => sink.emit(
            "/swagger",
            format!("`swagger` must be the string \"2.0\", found {v}"),
        ),
        None if root.get("openapi").is_some() => sink.emit(
            "/openapi",
            "this is an OpenAPI 3 document; connectors need Swagger 2.0 (try `connkit convert`)",
        ),
        None if root.is_object() => sink.emit("", "`swagger: \"2.0\"` is missing"),
        None => sink.emit("", "the definition must be a JSON object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn version() {
        Tester::new(
            &SPECIFICATION_VERSION_INCORRECT,
            vec![minimal()],
            vec![
                fail(patch(minimal(), json!({"swagger": 2.0}))).at(["/swagger"]),
                fail(json!([1])).count(1),
                fail(json!({"openapi": "3.0.1"})).then(|f| {
                    assert!(f[0].message.contains("OpenAPI 3"));
                }),
            ],
        )
        .test();
    }
}
