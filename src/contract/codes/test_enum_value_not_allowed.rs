//! `TestEnumValueNotAllowed`.

use super::TestCheck;

crate::declare_code! {
    /// A value in the response is not one of its schema's `enum` values
    ///
    /// ### Why
    /// An `enum` promises makers a closed list (conditions and switches are built on it). A value
    /// outside it (a new status the API added, another casing) silently takes no branch.
    ///
    /// ### Example
    /// `status: {"enum": ["open", "shipped"]}` and the API sends `"status": "cancelled"`: add the
    /// value to the enum, or drop the enum if the list is open.
    ///
    /// ### Evidence
    /// Values are compared as JSON values (numbers by value).
    pub(crate) static TEST_ENUM_VALUE_NOT_ALLOWED: TestCheck {
        code: "TestEnumValueNotAllowed",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_ENUM_VALUE_NOT_ALLOWED as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_enum_value_not_allowed_is_reported() {
        let def = one_op(
            json!({"type": "object", "properties": {"status": {"type": "string", "enum": ["open", "shipped"]}}}),
        );
        let p = problems(&def, "GetOrder", 200, r#"{"status":"cancelled"}"#);
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(p[0].path, "$.status");
        assert!(p[0].message.contains("cancelled"), "{p:?}");
    }

    #[test]
    fn near_miss_no_test_enum_value_not_allowed() {
        let def = one_op(
            json!({"type": "object", "properties": {"n": {"type": "number", "enum": [1, 2]}}}),
        );
        assert!(problems(&def, "GetOrder", 200, r#"{"n":2.0}"#).is_empty());
    }
}
