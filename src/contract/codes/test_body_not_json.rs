//! `TestBodyNotJson`.

use super::TestCheck;

crate::declare_code! {
    /// The response body is not JSON (or is empty) where the definition declares a schema
    ///
    /// ### Why
    /// A response schema tells Power Platform to parse the body as JSON and to offer its fields as
    /// dynamic content. A body that does not parse (or is missing) leaves every one of those outputs
    /// empty, or fails the action.
    ///
    /// ### Example
    /// `200` declares `{"type": "object"}`; the API answers `<html>…`. Fix the API, or declare the
    /// response without a schema (or with `type: string`).
    ///
    /// ### Evidence
    /// Bodies declared `type: file`, or `type: string` sent with a non-JSON content type, are not
    /// parsed. An empty body is expected for `204` and `HEAD`.
    pub(crate) static TEST_BODY_NOT_JSON: TestCheck {
        code: "TestBodyNotJson",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_BODY_NOT_JSON as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_body_not_json_is_reported() {
        let def = one_op(json!({"type": "object"}));
        let p = problems(&def, "GetOrder", 200, "<html>oops</html>");
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(
            p[0].pointer,
            "/paths/~1orders~1{id}/get/responses/200/schema"
        );
    }

    #[test]
    fn near_miss_no_test_body_not_json() {
        let def = one_op(json!({"type": "string"}));
        let p = problems_with(
            &def,
            "GetOrder",
            200,
            &[("content-type", "application/json")],
            "\"plain\"",
        );
        assert!(p.is_empty(), "{p:?}");
    }
}
