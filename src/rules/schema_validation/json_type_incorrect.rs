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
    ///
    /// ### Evidence
    /// An **error**: Microsoft's validator prints "The type of the property is incorrect." (PR
    /// #4123). A **warning** for a number where the label `x-ms-summary` expects a string: the
    /// designer shows the number as text, and such definitions were merged after validation,
    /// repeatedly and since the pipeline's 2023-08 repair, in the other half of the public
    /// repository, with no Microsoft message known (the visible history has none).
    pub(crate) static JSON_TYPE_INCORRECT: Rule {
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
                fail(patch(minimal(), json!({"paths": []})))
                    .at(["/paths"])
                    .then(|f| assert_eq!(f[0].severity, Severity::Error)),
            ],
        )
        .test();
    }

    #[test]
    fn a_number_as_a_label_is_a_warning() {
        let def = patch(
            minimal(),
            json!({"definitions": {"Task": {"type": "object", "properties": {
                "id": {"type": "string", "x-ms-summary": 42},
                "done": {"type": "boolean", "x-ms-summary": true}}}}}),
        );
        let f = run(&JSON_TYPE_INCORRECT, def);
        let at = |p: &str| f.iter().find(|x| x.pointer == p).map(|x| x.severity);
        assert_eq!(
            at("/definitions/Task/properties/id/x-ms-summary"),
            Some(Severity::Warning),
            "{f:?}"
        );
        // Only a number: a boolean label stays an error.
        assert_eq!(
            at("/definitions/Task/properties/done/x-ms-summary"),
            Some(Severity::Error),
            "{f:?}"
        );
    }
}
