//! `ConvertSecurityChosen`.

use super::NoteDoc;

crate::declare_code! {
    /// One security scheme was kept
    ///
    /// ### Why
    /// A connection uses one authentication. Of several schemes, the first one the root `security`
    /// uses is kept (or the first one); several need `connectionParameterSets`, written by hand.
    ///
    /// ### Example
    /// `securitySchemes: {key: {type: apiKey, …}, basic: {type: http, scheme: basic}}` keeps `key`.
    pub(crate) static CONVERT_SECURITY_CHOSEN: NoteDoc {
        code: "ConvertSecurityChosen",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_SECURITY_CHOSEN;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_schemes(schemes: serde_json::Value) -> serde_json::Value {
        let mut doc = with_get(json!({}));
        doc["components"] = json!({"securitySchemes": schemes});
        doc
    }

    #[test]
    fn one_of_two_schemes_is_kept() {
        let doc = with_schemes(json!({
            "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "basic": {"type": "http", "scheme": "basic"}
        }));
        snapshot(&CONVERT_SECURITY_CHOSEN, &doc);
        assert!(emits(&doc, &CONVERT_SECURITY_CHOSEN), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_one_scheme() {
        let doc = with_schemes(json!({"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}));
        assert!(!emits(&doc, &CONVERT_SECURITY_CHOSEN), "{:?}", codes(&doc));
    }
}
