use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A keyword's value is not one of its allowed values
    ///
    /// ### Why
    /// Some keys accept a fixed list of values: a parameter's `in` (body, query, header, path,
    /// formData), `type`, `x-ms-visibility` (important, advanced, internal), `x-ms-trigger`
    /// (single, batch), `x-ms-url-encoding` (single, double), security scheme `type`, `flow` and
    /// `in`, `x-ms-api-annotation.status` (Preview, Production). Values are case-sensitive.
    ///
    /// ### Example
    /// Bad: `"x-ms-visibility": "hidden"`
    /// Good: `"x-ms-visibility": "internal"`
    ///
    /// ### Evidence
    /// An empty x-ms-visibility ("") is a **warning**: the platform reads it as the default, and PR
    /// #2637 was merged with over a thousand of them; PDF4me SwissQR (2023, 2024) and Sparse Power
    /// Box Tools (2023) were merged validated with it. A value that differs from an allowed one
    /// only in case is a warning too (`"Advanced"` in CognitiveServicesQuestionAnswering, status
    /// `"production"` in Cognizant Automation Center, both merged in 2022). Every other value
    /// outside its list is an error.
    pub(crate) static JSON_VALUE_NOT_IN_ENUM: Rule {
        code: "JsonValueNotInEnum",
        severity: Severity::Error,
        gate: Gate::Pipeline,
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
    fn enum_values() {
        let mut def = minimal();
        def.pointer_mut(&format!("{GET}/parameters/0")).unwrap()["x-ms-visibility"] =
            json!("hidden");
        Tester::new(
            &JSON_VALUE_NOT_IN_ENUM,
            vec![patch(
                minimal(),
                json!({"paths": {"/tasks/{taskId}": {"get": {"x-ms-visibility": "advanced"}}}}),
            )],
            vec![
                fail(def)
                    .at([format!("{GET}/parameters/0/x-ms-visibility").as_str()])
                    .then(|f| {
                        assert!(f[0].message.contains("\"internal\""), "{}", f[0].message);
                        assert!(
                            !f[0].message.contains('{'),
                            "no raw schema: {}",
                            f[0].message
                        );
                    }),
            ],
        )
        .test();
    }
}
