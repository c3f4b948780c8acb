use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An unknown key that is not an `x-` extension
    ///
    /// ### Why
    /// Swagger objects accept their own keys plus vendor extensions whose names start with `x-`.
    /// Any other key (an OpenAPI 3 `requestBody`, a misplaced `securityDefinitions` under `paths`,
    /// a typo such as `descripton`) is refused with this code. Fix the spelling, move the key to
    /// where it belongs, or rename it `x-yourname` if it is your own annotation (names starting
    /// with `x-ms-` are reserved for Microsoft). Unknown keys of body parameters and of security
    /// schemes are reported by BodyParameterPropertyNotValid and SecuritySchemePropertyNotValid
    /// instead, once.
    ///
    /// ### Example
    /// Bad: `"summary": "Get item", "sumary": "…"`
    /// Good: remove `sumary`
    ///
    /// ### Evidence
    /// An error: Microsoft's validator prints this message on PRs (#3810), and the platform's
    /// import says the same of securityDefinitions inside a path item (issue #3930). An unknown
    /// key inside a **schema** object is a warning: Tesseron Invoice was merged validated twice in
    /// 2024 with Title and Description keys in response schemas.
    pub(crate) static EXTENSION_NAME_NOT_VALID: Rule {
        code: "ExtensionNameNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The property 'scriptOperations' is not valid. If this property is an extension, its name must begin with \"x-\"."),
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
    fn unknown_key_on_a_swagger_object() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"requestBody": {}, "x-custom": 1}}}}),
        );
        // The Bad example.
        let def_2 = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"sumary": "Get a task"}}}}),
        );
        Tester::fails(
            &EXTENSION_NAME_NOT_VALID,
            vec![
                fail(def)
                    .at([format!("{GET}/requestBody").as_str()])
                    .then(|f| {
                        assert!(f[0].message.contains("an operation"), "{}", f[0].message);
                    }),
                fail(def_2).at([format!("{GET}/sumary").as_str()]),
            ],
        )
        .test();
    }

    #[test]
    fn body_parameter_and_security_scheme_keys_are_left_to_their_rules() {
        let mut def = patch(
            minimal(),
            json!({"securityDefinitions": {"k": {"type": "apiKey", "name": "k", "in": "header", "foo": 1}}}),
        );
        def.pointer_mut(&format!("{GET}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(json!({"name": "b", "in": "body", "schema": {}, "foo": 1}));
        assert!(run(&EXTENSION_NAME_NOT_VALID, def.clone()).is_empty());
        // The same key on a query parameter is ours.
        def.pointer_mut(&format!("{GET}/parameters/0")).unwrap()["foo"] = json!(1);
        assert_eq!(
            pointers(&run(&EXTENSION_NAME_NOT_VALID, def)),
            vec![format!("{GET}/parameters/0/foo").as_str()]
        );
    }

    #[test]
    fn openapi3_documents_are_left_to_the_version_rule() {
        let oas3 = json!({"openapi": "3.0.1", "info": {"title": "T", "version": "1"}, "paths": {}, "components": {}});
        for r in RULES {
            assert!(run(r, oas3.clone()).is_empty(), "{}", r.code);
        }
        let mut def = minimal();
        def["components"] = json!({});
        Tester::new(
            &EXTENSION_NAME_NOT_VALID,
            vec![patch(minimal(), json!({"x-components": {}}))],
            vec![fail(def).count(1)],
        )
        .test();
    }
}
