//! `TestStatusUndeclared`.

use super::TestCheck;

crate::declare_code! {
    /// The API answered with a status the operation does not declare, and it has no `default` response
    ///
    /// ### Why
    /// Power Platform treats a response whose status the definition does not declare as an error
    /// of the action (the flow run fails with the raw body), and the designer offers no outputs for it.
    /// Declare every status the API really sends (a `404` for a lookup, a `202` for an accepted job),
    /// or a `default` response with the error schema.
    ///
    /// ### Example
    /// `GET /orders/{id}` declares only `200`; the API answers `404` for an unknown id. Add
    /// `"404": {"description": "Not found"}` (or `default`) under the operation's `responses`.
    ///
    /// ### Evidence
    /// The maker portal's Test tab shows the response as a failure; reviewers re-run the operations
    /// while certifying. The pointer names the operation's `responses`, the message the status.
    pub(crate) static TEST_STATUS_UNDECLARED: TestCheck {
        code: "TestStatusUndeclared",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_STATUS_UNDECLARED as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_status_undeclared_is_reported() {
        let def = one_op(json!({"type": "object"}));
        let p = problems(&def, "GetOrder", 404, "{}");
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(p[0].pointer, "/paths/~1orders~1{id}/get/responses");
        assert!(p[0].message.contains("404"), "{p:?}");
    }

    #[test]
    fn near_miss_no_test_status_undeclared() {
        let def = one_op(json!({"type": "object"}));
        assert!(problems(&def, "GetOrder", 200, "{}").is_empty());
    }
}
