//! `TestHeaderMissing`.

use super::TestCheck;

crate::declare_code! {
    /// A header the response declares is not in the response
    ///
    /// ### Why
    /// Headers declared under a response are outputs makers can use (a `Location`, a rate-limit
    /// header, an `ETag`). When the API does not send one, the output is empty.
    ///
    /// ### Example
    /// `200` declares `headers: {"X-Request-Id": {"type": "string"}}` and the response has no
    /// such header: send it, or remove the declaration.
    ///
    /// ### Evidence
    /// Header names compare case-insensitively, as HTTP says. The pointer names the header under
    /// the response.
    pub(crate) static TEST_HEADER_MISSING: TestCheck {
        code: "TestHeaderMissing",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_HEADER_MISSING as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_header_missing_is_reported() {
        let mut def = one_op(json!({"type": "object"}));
        def["paths"]["/orders/{id}"]["get"]["responses"]["200"]["headers"] =
            json!({"X-Request-Id": {"type": "string"}});
        let p = problems(&def, "GetOrder", 200, "{}");
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(
            p[0].pointer,
            "/paths/~1orders~1{id}/get/responses/200/headers/X-Request-Id"
        );
    }

    #[test]
    fn near_miss_no_test_header_missing() {
        let mut def = one_op(json!({"type": "object"}));
        def["paths"]["/orders/{id}"]["get"]["responses"]["200"]["headers"] =
            json!({"X-Request-Id": {"type": "string"}});
        let p = problems_with(
            &def,
            "GetOrder",
            200,
            &[("content-type", "application/json"), ("x-request-id", "7")],
            "{}",
        );
        assert!(p.is_empty(), "{p:?}");
    }
}
