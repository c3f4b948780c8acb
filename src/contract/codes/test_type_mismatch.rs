//! `TestTypeMismatch`.

use super::TestCheck;

crate::declare_code! {
    /// A value in the response has another type than its schema declares
    ///
    /// ### Why
    /// Power Platform converts response values to the declared types: a number sent as a string
    /// (`"12"` for an `integer`) fails the action at run time ("Invalid type. Expected Integer but got
    /// String") or breaks the expressions that use it. An integer is a valid `number`.
    ///
    /// ### Example
    /// `number: {"type": "integer"}` and the API sends `"number": "12"`: send a number, or declare
    /// `type: string`.
    ///
    /// ### Evidence
    /// Swagger 2.0 types (`object`, `array`, `string`, `number`, `integer`, `boolean`, `file`);
    /// the pointer is the value's schema, through `$ref` where it is written.
    pub(crate) static TEST_TYPE_MISMATCH: TestCheck {
        code: "TestTypeMismatch",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_TYPE_MISMATCH as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_type_mismatch_is_reported() {
        let def = one_op(json!({"type": "object", "properties": {"number": {"type": "integer"}}}));
        let p = problems(&def, "GetOrder", 200, r#"{"number":"12"}"#);
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(
            p[0].pointer,
            "/paths/~1orders~1{id}/get/responses/200/schema/properties/number"
        );
        assert_eq!(p[0].path, "$.number");
    }

    #[test]
    fn near_miss_no_test_type_mismatch() {
        let def = one_op(
            json!({"type": "object", "properties": {"n": {"type": "number"}, "i": {"type": "integer"}}}),
        );
        assert!(problems(&def, "GetOrder", 200, r#"{"n":12,"i":3.0}"#).is_empty());
    }
}
