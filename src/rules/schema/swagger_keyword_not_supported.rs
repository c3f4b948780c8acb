use super::*;
use crate::rules::prelude::*;

/// JSON-Schema (and OpenAPI 3) keywords that Swagger 2.0 schemas do not have.
const UNSUPPORTED_KEYWORDS: &[&str] = &[
    "anyOf",
    "oneOf",
    "not",
    "nullable",
    "const",
    "examples",
    "patternProperties",
    "dependencies",
    "additionalItems",
    "definitions",
    "id",
    "$id",
    "$schema",
    "$comment",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
    "writeOnly",
    "deprecated",
    "contentMediaType",
    "contentEncoding",
];

crate::declare_code! {
    /// A JSON-Schema keyword connectors do not support
    ///
    /// ### Why
    /// Swagger 2.0 schemas are a subset of JSON Schema: `anyOf`, `oneOf`, `not`, `const`,
    /// `patternProperties`, `dependencies`, nested `definitions`, `$schema`/`id` and the OpenAPI 3
    /// keywords (`nullable`, `writeOnly`, `deprecated`, `examples`) are not part of it and the
    /// platform refuses them. Use `allOf` for composition, `x-nullable` if you need to document
    /// nullability, and `example` (singular) for an example.
    ///
    /// Microsoft names `uniqueItems` as an example of an unsupported keyword although Swagger 2.0
    /// has it; connkit reports it as a warning: the platform does not enforce it.
    ///
    /// ### Example
    /// Bad: `{"oneOf": [{"type": "string"}, {"type": "integer"}]}`
    /// Good: `{"type": "string"}` (one type; document the alternatives in `description`)
    pub(crate) static SWAGGER_KEYWORD_NOT_SUPPORTED: Rule {
        code: "SwaggerKeywordNotSupported",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx).iter().filter(|n| n.is_schema()) {
        let Some(m) = n.value.as_object() else {
            continue;
        };
        for k in m.keys() {
            if UNSUPPORTED_KEYWORDS.contains(&k.as_str()) {
                sink.emit(
                    n.at(k),
                    format!("'{k}' is not supported in connector schemas"),
                );
            }
        }
        if m.get("uniqueItems") == Some(&Value::Bool(true)) {
            sink.emit_with(
                Severity::Warning,
                FileKind::Definition,
                n.at("uniqueItems"),
                "'uniqueItems' is not supported: the platform does not enforce it",
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
    fn unsupported_keywords() {
        Tester::new(
            &SWAGGER_KEYWORD_NOT_SUPPORTED,
            vec![
                with_def(json!({"allOf": [{"type": "object"}]})),
            ],
            vec![
                fail(with_def( json!({"type": "object", "properties": {"a": {"oneOf": [{"type": "string"}]}, "b": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}}}), )).at([
                "/definitions/X/properties/a/oneOf",
                "/definitions/X/properties/b/uniqueItems"
            ]).then(|f| {
                    assert_eq!(f[0].severity, Severity::Error);
                    assert_eq!(f[1].severity, Severity::Warning);
                }),
            ],
        )
        .test();
    }
}
