use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A value has the wrong JSON type for its position
    ///
    /// ### Why
    /// Each key of a connector definition holds one kind of value: `paths` an object, `tags` a
    /// list, `required` on a parameter a boolean, `x-ms-summary` a string, and so on. A value of
    /// another type (an array where an object belongs, the string `"true"` for a boolean) makes the
    /// platform reject the definition. connkit checks types against its own JSON Schema of Swagger
    /// 2.0 plus the x-ms extensions.
    ///
    /// ### Example
    /// Bad: `"required": "true"`
    /// Good: `"required": true`
    pub static JSON_TYPE_INCORRECT: Rule {
        code: "JsonTypeIncorrect",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The type of the property is incorrect. Expected type 'Object', but value is of type 'Array'."),
        file: FileKind::Definition,
        source: SV,
        check: emit_code,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn type_errors_point_at_the_value() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"deprecated": "yes"}}}}),
        );
        Tester::new(
            &JSON_TYPE_INCORRECT,
            vec![patch(
                minimal(),
                json!({"paths": {"/tasks/{taskId}": {"get": {"deprecated": true}}}}),
            )],
            vec![
                fail(def)
                    .at([format!("{GET}/deprecated").as_str()])
                    .then(|f| {
                        assert!(f[0].message.contains("a boolean"), "{}", f[0].message);
                    }),
                fail(patch(minimal(), json!({"paths": []}))).at(["/paths"]),
            ],
        )
        .test();
    }
}
