//! `ConvertSecuritySchemeUnsupported`.

use super::NoteDoc;

crate::declare_code! {
    /// A security scheme connectors cannot use was dropped
    ///
    /// ### Why
    /// Connectors cannot use API keys in cookies, the client-credentials, password or implicit
    /// OAuth grants, or HTTP schemes other than basic and bearer: such schemes are dropped. The
    /// authorization code grant is supported.
    ///
    /// ### Example
    /// `{type: apiKey, in: cookie}` is dropped; `{type: apiKey, in: header}` is kept.
    pub(crate) static CONVERT_SECURITY_SCHEME_UNSUPPORTED: NoteDoc {
        code: "ConvertSecuritySchemeUnsupported",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_SECURITY_SCHEME_UNSUPPORTED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_scheme(scheme: serde_json::Value) -> serde_json::Value {
        let mut doc = with_get(json!({}));
        doc["components"] = json!({"securitySchemes": {"auth": scheme}});
        doc
    }

    #[test]
    fn a_cookie_api_key_and_a_client_credentials_grant_are_dropped() {
        let doc = with_scheme(json!({"type": "apiKey", "in": "cookie", "name": "sid"}));
        snapshot(&CONVERT_SECURITY_SCHEME_UNSUPPORTED, &doc);
        assert!(
            emits(&doc, &CONVERT_SECURITY_SCHEME_UNSUPPORTED),
            "{:?}",
            codes(&doc)
        );
        let doc = with_scheme(
            json!({"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://contoso.com/token", "scopes": {}}}}),
        );
        assert!(
            emits(&doc, &CONVERT_SECURITY_SCHEME_UNSUPPORTED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_a_header_api_key_and_the_authorization_code_grant() {
        let doc = with_scheme(json!({"type": "apiKey", "in": "header", "name": "X-Key"}));
        assert!(
            !emits(&doc, &CONVERT_SECURITY_SCHEME_UNSUPPORTED),
            "{:?}",
            codes(&doc)
        );
        let doc = with_scheme(json!({"type": "oauth2", "flows": {"authorizationCode": {
            "authorizationUrl": "https://contoso.com/authorize", "tokenUrl": "https://contoso.com/token", "scopes": {}
        }}}));
        assert!(
            !emits(&doc, &CONVERT_SECURITY_SCHEME_UNSUPPORTED),
            "{:?}",
            codes(&doc)
        );
    }
}
