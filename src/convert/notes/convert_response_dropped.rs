//! `ConvertResponseDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A response key that is not a status code was dropped
    ///
    /// ### Why
    /// Swagger 2.0 responses are keyed by status code or `default`; any other key is dropped.
    ///
    /// ### Example
    /// `responses: {ok: …}` is dropped; `default` is kept.
    pub(crate) static CONVERT_RESPONSE_DROPPED: NoteDoc {
        code: "ConvertResponseDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_RESPONSE_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_response_key_that_is_no_status_is_dropped() {
        let doc = with_get(json!({"responses": {"ok": {"description": "OK"}}}));
        snapshot(&CONVERT_RESPONSE_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_RESPONSE_DROPPED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_default_is_a_response_key() {
        let doc = with_get(json!({"responses": {"default": {"description": "Error"}}}));
        assert!(!emits(&doc, &CONVERT_RESPONSE_DROPPED), "{:?}", codes(&doc));
    }
}
