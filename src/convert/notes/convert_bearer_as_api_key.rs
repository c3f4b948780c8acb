//! `ConvertBearerAsApiKey`.

use super::NoteDoc;

crate::declare_code! {
    /// A bearer scheme became an API key in the Authorization header
    ///
    /// ### Why
    /// Connectors have no bearer scheme. The closest is an API key sent in the `Authorization`
    /// header: users then enter `Bearer <token>` as the key when they create a connection. Use
    /// OAuth 2.0 instead when the service offers it.
    ///
    /// ### Example
    /// `securitySchemes: {auth: {type: http, scheme: bearer}}` becomes `securityDefinitions: {auth:
    /// {type: apiKey, in: header, name: Authorization}}`.
    pub(crate) static CONVERT_BEARER_AS_API_KEY: NoteDoc {
        code: "ConvertBearerAsApiKey",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_BEARER_AS_API_KEY;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_scheme(scheme: serde_json::Value) -> serde_json::Value {
        let mut doc = with_get(json!({}));
        doc["components"] = json!({"securitySchemes": {"auth": scheme}});
        doc
    }

    #[test]
    fn a_bearer_scheme_becomes_an_api_key() {
        let doc = with_scheme(json!({"type": "http", "scheme": "bearer"}));
        snapshot(&CONVERT_BEARER_AS_API_KEY, &doc);
        assert!(emits(&doc, &CONVERT_BEARER_AS_API_KEY), "{:?}", codes(&doc));
        assert_eq!(
            converted(&doc).definition["securityDefinitions"]["auth"],
            json!({"type": "apiKey", "in": "header", "name": "Authorization"})
        );
    }

    #[test]
    fn near_miss_basic_is_kept_as_basic() {
        let doc = with_scheme(json!({"type": "http", "scheme": "basic"}));
        assert!(
            !emits(&doc, &CONVERT_BEARER_AS_API_KEY),
            "{:?}",
            codes(&doc)
        );
    }
}
