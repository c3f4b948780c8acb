//! `TestDynamicValuesPathMissing`.

use super::TestCheck;

crate::declare_code! {
    /// A dynamic dropdown's collection, value or title path finds nothing in the called operation's response
    ///
    /// ### Why
    /// `x-ms-dynamic-values` (and `x-ms-dynamic-list`) fill a dropdown from another operation's
    /// response: `value-collection` names the array, `value-path` and `value-title` the fields of each
    /// item. A path that finds nothing gives an empty dropdown, or entries without a label.
    ///
    /// ### Example
    /// A parameter with `x-ms-dynamic-values: {"operationId": "ListOrders", "value-collection":
    /// "value", "value-path": "id", "value-title": "name"}` and items without `name`. The pointer names
    /// the extension's key, the path the first item that lacks it.
    ///
    /// ### Evidence
    /// Checked on every 2xx response of an operation that a dynamic extension calls.
    pub(crate) static TEST_DYNAMIC_VALUES_PATH_MISSING: TestCheck {
        code: "TestDynamicValuesPathMissing",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_DYNAMIC_VALUES_PATH_MISSING as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_dynamic_values_path_missing_is_reported() {
        let mut def = one_op(json!({"type": "object"}));
        def["paths"]["/orders/{id}"]["get"]["parameters"][0]["x-ms-dynamic-values"] = json!({"operationId": "GetOrder", "value-collection": "value", "value-path": "id", "value-title": "name"});
        let p = problems(
            &def,
            "GetOrder",
            200,
            r#"{"value":[{"id":"1","name":"a"},{"id":"2"}]}"#,
        );
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(
            p[0].pointer,
            "/paths/~1orders~1{id}/get/parameters/0/x-ms-dynamic-values/value-title"
        );
        assert_eq!(p[0].path, "$.value[1]");
    }

    #[test]
    fn near_miss_no_test_dynamic_values_path_missing() {
        let mut def = one_op(json!({"type": "object"}));
        def["paths"]["/orders/{id}"]["get"]["parameters"][0]["x-ms-dynamic-values"] = json!({"operationId": "GetOrder", "value-collection": "value", "value-path": "id", "value-title": "name"});
        assert!(
            problems(
                &def,
                "GetOrder",
                200,
                r#"{"value":[{"id":"1","name":"a"}]}"#
            )
            .is_empty()
        );
    }
}
