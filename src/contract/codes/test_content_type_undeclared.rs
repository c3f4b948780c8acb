//! `TestContentTypeUndeclared`.

use super::TestCheck;

crate::declare_code! {
    /// The response's content type is not one the operation (or the definition) `produces`
    ///
    /// ### Why
    /// Power Platform parses a response by its content type: JSON declared and `text/html` sent
    /// (an error page, a login redirect) breaks every action that reads the outputs. The operation's
    /// `produces` (or the definition's top-level `produces`) must list what the API sends.
    ///
    /// ### Example
    /// The definition produces `application/json`; the API answers `text/plain`. Fix the API, or
    /// add the type to the operation's `produces`.
    ///
    /// ### Evidence
    /// Checked only when the response has a body and a `produces` list applies. `*/*` and
    /// `type/*` entries accept any matching type. The pointer names the `produces` that applies.
    pub(crate) static TEST_CONTENT_TYPE_UNDECLARED: TestCheck {
        code: "TestContentTypeUndeclared",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_CONTENT_TYPE_UNDECLARED as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_content_type_undeclared_is_reported() {
        let def = one_op(json!({"type": "object"}));
        let p = problems_with(
            &def,
            "GetOrder",
            200,
            &[("content-type", "text/plain; charset=utf-8")],
            "{}",
        );
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(p[0].pointer, "/produces");
        assert!(p[0].message.contains("text/plain"), "{p:?}");
    }

    #[test]
    fn near_miss_no_test_content_type_undeclared() {
        let def = one_op(json!({"type": "object"}));
        let p = problems_with(
            &def,
            "GetOrder",
            200,
            &[("content-type", "Application/JSON; charset=utf-8")],
            "{}",
        );
        assert!(p.is_empty(), "{p:?}");
    }
}
