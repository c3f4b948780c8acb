//! `TestRequiredPropertyMissing`.

use super::TestCheck;

crate::declare_code! {
    /// A property the response schema requires is missing from the body
    ///
    /// ### Why
    /// Flows built on a required output expect it in every response; when the API leaves it out,
    /// expressions that read it fail at run time. Either the API must always send it (null where it
    /// has none, with `x-nullable`), or the schema must not require it.
    ///
    /// ### Example
    /// `required: ["id", "status"]` and a response without `status`. The pointer is the property's
    /// schema (or the `required` entry when the property is not declared); the path is where the
    /// property should be (`$.status`).
    ///
    /// ### Evidence
    /// Swagger 2.0 `required`, checked at every level of the body, `allOf` parts included.
    pub(crate) static TEST_REQUIRED_PROPERTY_MISSING: TestCheck {
        code: "TestRequiredPropertyMissing",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_REQUIRED_PROPERTY_MISSING as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_required_property_missing_is_reported() {
        let def = one_op(
            json!({"type": "object", "required": ["id", "status"], "properties": {"id": {"type": "string"}, "status": {"type": "string"}}}),
        );
        let p = problems(&def, "GetOrder", 200, r#"{"id":"1"}"#);
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(
            p[0].pointer,
            "/paths/~1orders~1{id}/get/responses/200/schema/properties/status"
        );
        assert_eq!(p[0].path, "$.status");
    }

    #[test]
    fn near_miss_no_test_required_property_missing() {
        let def = one_op(
            json!({"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}),
        );
        assert!(problems(&def, "GetOrder", 200, r#"{"id":"1"}"#).is_empty());
    }
}
