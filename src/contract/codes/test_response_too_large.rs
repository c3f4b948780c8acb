//! `TestResponseTooLarge`.

use super::TestCheck;

crate::declare_code! {
    /// The response body was over connkit's 4 MiB cap and was not checked
    ///
    /// ### Why
    /// connkit reads at most 4 MiB of a response (a server that never stops must not fill memory);
    /// a larger body is cut off and not checked. Power Platform's own limit for a connector response is
    /// lower in practice, so a page this large is itself worth paging.
    ///
    /// ### Example
    /// A list operation that answers 10 MiB of JSON: page it (`x-ms-pageable`) or filter it in the
    /// plan's parameters.
    ///
    /// ### Evidence
    /// The cap is the one `connkit submit` uses for every response.
    pub(crate) static TEST_RESPONSE_TOO_LARGE: TestCheck {
        code: "TestResponseTooLarge",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_RESPONSE_TOO_LARGE as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_response_too_large_is_reported() {
        let def = one_op(json!({"type": "object"}));
        let sw = Swagger::new(&def);
        let op = sw.operation_by_id("GetOrder").unwrap();
        let resp = Response {
            status: 200,
            headers: vec![],
            body: b"{".to_vec(),
            truncated: true,
        };
        assert_eq!(codes(&check(&sw, op, &resp, None)), [C.code]);
    }

    #[test]
    fn near_miss_no_test_response_too_large() {
        let def = one_op(json!({"type": "object"}));
        assert!(problems(&def, "GetOrder", 200, "{}").is_empty());
    }
}
