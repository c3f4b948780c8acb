//! `TestNoResponse`.

use super::TestCheck;

crate::declare_code! {
    /// A request got no response (connection refused, timeout, a host or redirect connkit refuses)
    ///
    /// ### Why
    /// The operation could not be checked: the API did not answer in time, the connection failed,
    /// the request would have gone to a host that neither the definition, its policies nor
    /// `--base-url` names, or the API redirected to another host (connkit does not follow a redirect
    /// off the allowed hosts: it would carry the connection's credentials). When no request of the run
    /// gets any response, `connkit test` exits with 2.
    ///
    /// ### Example
    /// `connkit test . --base-url https://staging.contoso.com` while staging is down: every
    /// operation fails with this code and the run exits 2.
    ///
    /// ### Evidence
    /// The message never contains a query string or a credential.
    pub(crate) static TEST_NO_RESPONSE: TestCheck {
        code: "TestNoResponse",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_NO_RESPONSE as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_no_response_is_reported() {
        let p = crate::contract::run::no_response("GET", "connection refused");
        assert_eq!(p.code, C.code);
        assert_eq!(p.path, "$");
    }

    #[test]
    fn near_miss_no_test_no_response() {
        let def = one_op(json!({"type": "object"}));
        assert!(
            problems(&def, "GetOrder", 200, "{}")
                .iter()
                .all(|p| p.code != C.code)
        );
    }
}
