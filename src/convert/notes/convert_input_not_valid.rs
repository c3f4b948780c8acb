//! `ConvertInputNotValid`.

use super::NoteDoc;

crate::declare_code! {
    /// The input does not fully match OpenAPI 3.0
    ///
    /// ### Why
    /// The input does not fully match OpenAPI 3.0 (as the `openapiv3` reader sees it). What can be
    /// understood is converted anyway, but what was not understood may be missing: check the input
    /// with an OpenAPI validator.
    ///
    /// ### Example
    /// `info.version: 1` (a number, not a string) is reported with the reader's message, and the
    /// conversion goes on with version "1".
    pub(crate) static CONVERT_INPUT_NOT_VALID: NoteDoc {
        code: "ConvertInputNotValid",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_INPUT_NOT_VALID;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_document_openapiv3_cannot_read_is_converted_with_a_note() {
        // `info.version` must be a string in OpenAPI 3.0.
        let mut doc = with_get(json!({}));
        doc["info"]["version"] = json!(1);
        snapshot(&CONVERT_INPUT_NOT_VALID, &doc);
        assert!(emits(&doc, &CONVERT_INPUT_NOT_VALID), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_valid_document() {
        assert!(!emits(&with_get(json!({})), &CONVERT_INPUT_NOT_VALID));
    }
}
