//! `TestAdditionalProperty`.

use super::TestCheck;

crate::declare_code! {
    /// The response has a property its schema closes with `additionalProperties: false`
    ///
    /// ### Why
    /// `additionalProperties: false` says the object has exactly the declared properties. A
    /// property the API sends anyway is invisible to makers, and the schema no longer describes the
    /// API.
    ///
    /// ### Example
    /// A schema with `properties: {id}` and `additionalProperties: false`; the API sends `{"id":
    /// "1", "etag": "x"}`: declare `etag`, or drop `additionalProperties: false`.
    ///
    /// ### Evidence
    /// Swagger 2.0 semantics: undeclared properties are allowed unless `additionalProperties` is
    /// `false`; an object `additionalProperties` schema checks each undeclared property.
    pub(crate) static TEST_ADDITIONAL_PROPERTY: TestCheck {
        code: "TestAdditionalProperty",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_ADDITIONAL_PROPERTY as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_additional_property_is_reported() {
        let def = one_op(
            json!({"type": "object", "additionalProperties": false, "properties": {"id": {"type": "string"}}}),
        );
        let p = problems(&def, "GetOrder", 200, r#"{"id":"1","etag":"x"}"#);
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(p[0].path, "$.etag");
        assert_eq!(
            p[0].pointer,
            "/paths/~1orders~1{id}/get/responses/200/schema/additionalProperties"
        );
    }

    #[test]
    fn near_miss_no_test_additional_property() {
        let def = one_op(json!({"type": "object", "properties": {"id": {"type": "string"}}}));
        assert!(problems(&def, "GetOrder", 200, r#"{"id":"1","etag":"x"}"#).is_empty());
    }
}
