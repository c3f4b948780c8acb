//! `TestStatusNotExpected`.

use super::TestCheck;

crate::declare_code! {
    /// The API answered with another status than the plan's `expect.status`
    ///
    /// ### Why
    /// A plan entry can say which status a request must get (`"expect": {"status": 201}`): a
    /// create that answers `200`, or a call that should be refused (`400`) but is accepted, fails the
    /// operation even when both statuses are declared.
    ///
    /// ### Example
    /// `{"operations": {"CreateOrder": [{"body": {"sku": "x"}, "expect": {"status": 201}}]}}` and the
    /// API answers `200`: the message names both statuses.
    ///
    /// ### Evidence
    /// The expectation is the plan author's own statement; the check only compares it with the
    /// answer.
    pub(crate) static TEST_STATUS_NOT_EXPECTED: TestCheck {
        code: "TestStatusNotExpected",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_STATUS_NOT_EXPECTED as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_status_not_expected_is_reported() {
        let def = one_op(json!({"type": "object"}));
        let sw = Swagger::new(&def);
        let op = sw.operation_by_id("GetOrder").unwrap();
        let resp = Response {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body: b"{}".to_vec(),
            truncated: false,
        };
        let p = check(&sw, op, &resp, Some(201));
        assert_eq!(codes(&p), [C.code]);
        assert!(
            p[0].message.contains("201") && p[0].message.contains("200"),
            "{p:?}"
        );
    }

    #[test]
    fn near_miss_no_test_status_not_expected() {
        let def = one_op(json!({"type": "object"}));
        let sw = Swagger::new(&def);
        let op = sw.operation_by_id("GetOrder").unwrap();
        let resp = Response {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body: b"{}".to_vec(),
            truncated: false,
        };
        assert!(check(&sw, op, &resp, Some(200)).is_empty());
    }
}
