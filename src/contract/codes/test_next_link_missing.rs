//! `TestNextLinkMissing`.

use super::TestCheck;

crate::declare_code! {
    /// A page has no `x-ms-pageable` next link property where the schema requires it
    ///
    /// ### Why
    /// With `x-ms-pageable`, Power Platform follows the property named by `nextLinkName` to fetch the
    /// next page ("Pagination" in the action's settings). When the schema requires it and the page
    /// leaves it out, paging stops silently or the action fails. On the last page, send it as null
    /// (with `x-nullable: true`).
    ///
    /// ### Example
    /// `x-ms-pageable: {"nextLinkName": "nextLink"}`, a schema that requires `nextLink`, and a page
    /// `{"value": [...]}`. The path is `$.nextLink`.
    ///
    /// ### Evidence
    /// Reported only when the response schema requires the property (a last page may omit an
    /// optional one).
    pub(crate) static TEST_NEXT_LINK_MISSING: TestCheck {
        code: "TestNextLinkMissing",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_NEXT_LINK_MISSING as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_next_link_missing_is_reported() {
        let mut def = one_op(
            json!({"type": "object", "required": ["value", "nextLink"], "properties": {"value": {"type": "array"}, "nextLink": {"type": "string", "x-nullable": true}}}),
        );
        def["paths"]["/orders/{id}"]["get"]["x-ms-pageable"] = json!({"nextLinkName": "nextLink"});
        let p = problems(&def, "GetOrder", 200, r#"{"value":[]}"#);
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(p[0].path, "$.nextLink");
        assert_eq!(
            p[0].pointer,
            "/paths/~1orders~1{id}/get/responses/200/schema/properties/nextLink"
        );
    }

    #[test]
    fn near_miss_no_test_next_link_missing() {
        let mut def = one_op(
            json!({"type": "object", "required": ["value", "nextLink"], "properties": {"value": {"type": "array"}, "nextLink": {"type": "string", "x-nullable": true}}}),
        );
        def["paths"]["/orders/{id}"]["get"]["x-ms-pageable"] = json!({"nextLinkName": "nextLink"});
        assert!(problems(&def, "GetOrder", 200, r#"{"value":[],"nextLink":null}"#).is_empty());
    }
}
