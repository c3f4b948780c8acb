//! `ConvertDefaultRemoved`.

use super::NoteDoc;

crate::declare_code! {
    /// Defaults that do not match their type were removed
    ///
    /// ### Why
    /// The connector schema refuses a `default` of another type than its schema (the validator
    /// reports it, and the designer would offer a value the API does not take), so such defaults
    /// are removed.
    ///
    /// ### Example
    /// `{type: integer, default: "ten"}` becomes `{type: integer}`; `{type: integer, default: 10}`
    /// is kept.
    pub(crate) static CONVERT_DEFAULT_REMOVED: NoteDoc {
        code: "ConvertDefaultRemoved",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_DEFAULT_REMOVED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_default(default: serde_json::Value) -> serde_json::Value {
        with_get(
            json!({"parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "default": default}}]}),
        )
    }

    #[test]
    fn a_default_of_another_type_is_removed() {
        let doc = with_default(json!("ten"));
        snapshot(&CONVERT_DEFAULT_REMOVED, &doc);
        assert!(emits(&doc, &CONVERT_DEFAULT_REMOVED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_default_of_the_type_is_kept() {
        let doc = with_default(json!(10));
        assert!(!emits(&doc, &CONVERT_DEFAULT_REMOVED), "{:?}", codes(&doc));
    }
}
