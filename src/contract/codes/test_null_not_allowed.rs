//! `TestNullNotAllowed`.

use super::TestCheck;

crate::declare_code! {
    /// A value in the response is null where its schema does not say `x-nullable: true`
    ///
    /// ### Why
    /// Power Platform rejects a null where the definition declares a type ("Invalid type. Expected
    /// String but got Null"): the flow fails at run time on the first record that has no value. Mark
    /// properties that can be null with `x-nullable: true`.
    ///
    /// ### Example
    /// `shippedAt: {"type": "string", "format": "date-time"}` and the API sends `"shippedAt": null`
    /// for an order not yet shipped: add `"x-nullable": true`.
    ///
    /// ### Evidence
    /// Swagger 2.0 has no `null` type; `x-nullable` is the extension Power Platform reads.
    pub(crate) static TEST_NULL_NOT_ALLOWED: TestCheck {
        code: "TestNullNotAllowed",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_NULL_NOT_ALLOWED as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_null_not_allowed_is_reported() {
        let def =
            one_op(json!({"type": "object", "properties": {"shippedAt": {"type": "string"}}}));
        let p = problems(&def, "GetOrder", 200, r#"{"shippedAt":null}"#);
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(p[0].path, "$.shippedAt");
    }

    #[test]
    fn near_miss_no_test_null_not_allowed() {
        let def = one_op(
            json!({"type": "object", "properties": {"shippedAt": {"type": "string", "x-nullable": true}}}),
        );
        assert!(problems(&def, "GetOrder", 200, r#"{"shippedAt":null}"#).is_empty());
    }
}
