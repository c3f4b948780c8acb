//! `ConvertCookieParameterDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A cookie parameter was dropped
    ///
    /// ### Why
    /// Connectors cannot send cookies: a parameter `in: cookie` has no place in a connector and is
    /// dropped. If the API needs the cookie, a policy template can set a `Cookie` header.
    ///
    /// ### Example
    /// `{name: session, in: cookie}` is dropped; `{name: session, in: header}` is kept.
    pub(crate) static CONVERT_COOKIE_PARAMETER_DROPPED: NoteDoc {
        code: "ConvertCookieParameterDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_COOKIE_PARAMETER_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_param(location: &str) -> serde_json::Value {
        with_get(
            json!({"parameters": [{"name": "session", "in": location, "schema": {"type": "string"}}]}),
        )
    }

    #[test]
    fn a_cookie_parameter_is_dropped() {
        let doc = with_param("cookie");
        snapshot(&CONVERT_COOKIE_PARAMETER_DROPPED, &doc);
        assert!(
            emits(&doc, &CONVERT_COOKIE_PARAMETER_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_a_header_parameter_is_kept() {
        let doc = with_param("header");
        assert!(
            !emits(&doc, &CONVERT_COOKIE_PARAMETER_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
