use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A key that is not allowed in this object
    ///
    /// ### Why
    /// Reported for a key inside an object that takes no extensions (the x-ms extension objects
    /// such as `x-ms-dynamic-values`, `x-ms-pageable`, `x-ms-trigger-metadata`,
    /// `x-ms-connector-metadata` entries), and for a known x-ms extension written on an object
    /// where the platform does not read it (`x-ms-trigger` on a parameter,
    /// `x-ms-connector-metadata` inside `info`). Keys of ordinary Swagger objects that are not
    /// Swagger keys get ExtensionNameNotValid instead.
    ///
    /// ### Example
    /// Bad: `"x-ms-pageable": {"nextLinkName": "next", "pageSize": 50}`
    /// Good: `"x-ms-pageable": {"nextLinkName": "next"}`
    ///
    /// ### Evidence
    /// Calibration: x-ms extensions that connkit does not know (`x-ms-openai-data`,
    /// `x-ms-keywords`, …) are accepted anywhere: certified connectors changed in 2024 use newer
    /// Microsoft extensions freely and pass the validator. Positions are enforced only for
    /// extensions that clearly belong to one object (operation-only and root-only extensions). An
    /// unknown `x-ms-…` name within two letters of a known one (`x-ms-visibiltiy`, `x-ms-sumamry`)
    /// is reported as a warning: the platform ignores it, which is rarely what the author meant.
    pub(crate) static ADDITIONAL_PROPERTY_NOT_ALLOWED: Rule {
        code: "AdditionalPropertyNotAllowed",
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
    fn key_an_extension_object_does_not_take() {
        // The Bad example, on the sample operation.
        let bad = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"x-ms-pageable": {"nextLinkName": "next", "pageSize": 50}}}}}),
        );
        // The Good example.
        let good = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"x-ms-pageable": {"nextLinkName": "next"}}}}}),
        );
        Tester::new(
            &ADDITIONAL_PROPERTY_NOT_ALLOWED,
            vec![good],
            vec![
                fail(bad)
                    .at([format!("{GET}/x-ms-pageable/pageSize").as_str()])
                    .then(|f| {
                        assert!(f[0].message.contains("`nextLinkName`"), "{}", f[0].message);
                    }),
            ],
        )
        .test();
    }

    #[test]
    fn misplaced_and_unknown_extensions() {
        let mut def = minimal();
        def.pointer_mut(&format!("{GET}/parameters/0")).unwrap()["x-ms-trigger"] = json!("single");
        def["info"]["x-ms-keywords"] = json!(["tasks"]);
        def.pointer_mut(GET).unwrap()["x-ms-notification-content"] = json!({"schema": {}});
        def["x-ms-openai-manifest"] = json!({"humanName": "Tasks"});
        Tester::fails(
            &ADDITIONAL_PROPERTY_NOT_ALLOWED,
            vec![
                fail(def)
                    .at([
                        format!("{GET}/parameters/0/x-ms-trigger").as_str(),
                        format!("{GET}/x-ms-notification-content").as_str(),
                    ])
                    .then(|f| {
                        assert!(f[0].message.contains("a parameter"), "{}", f[0].message);
                        assert!(f[1].message.contains("path item"), "{}", f[1].message);
                    }),
            ],
        )
        .test();
    }

    #[test]
    fn misspelled_extensions_are_warnings() {
        let mut def = minimal();
        def.pointer_mut(&format!("{GET}/parameters/0")).unwrap()["x-ms-visibiltiy"] =
            json!("advanced");
        def["x-ms-openai-manifest"] = json!({"x-ms-sumary": "not walked? it is: nested"});
        def["definitions"]["Task"]["example"] = json!({"x-ms-summry": "user data"});
        assert_eq!(edit_distance("x-ms-summary", "x-ms-sumamry"), 2);
        Tester::fails(
            &ADDITIONAL_PROPERTY_NOT_ALLOWED,
            vec![
                fail(def)
                    .at([
                        format!("{GET}/parameters/0/x-ms-visibiltiy").as_str(),
                        "/x-ms-openai-manifest/x-ms-sumary",
                    ])
                    .then(|f| {
                        assert!(f.iter().all(|f| f.severity == Severity::Warning));
                        assert!(
                            f[0].message.contains("'x-ms-visibility'"),
                            "{}",
                            f[0].message
                        );
                    }),
            ],
        )
        .test();
    }
}
