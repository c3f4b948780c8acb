//! `ConvertFormatRemoved`.

use super::NoteDoc;

crate::declare_code! {
    /// format values connectors do not accept were removed
    ///
    /// ### Why
    /// The connector schema accepts only the `format` values it knows for each type (the same table
    /// as the UnrecognizedTypeFormat rule); others are removed rather than left for the validator
    /// to refuse.
    ///
    /// ### Example
    /// `{type: string, format: made-up-format}` becomes `{type: string}`; `format: date-time` is
    /// kept.
    pub(crate) static CONVERT_FORMAT_REMOVED: NoteDoc {
        code: "ConvertFormatRemoved",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_FORMAT_REMOVED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_format(format: &str) -> serde_json::Value {
        with_get(
            json!({"parameters": [{"name": "since", "in": "query", "schema": {"type": "string", "format": format}}]}),
        )
    }

    #[test]
    fn a_format_connectors_do_not_know_is_removed() {
        let doc = with_format("made-up-format");
        snapshot(&CONVERT_FORMAT_REMOVED, &doc);
        assert!(emits(&doc, &CONVERT_FORMAT_REMOVED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_date_time_is_kept() {
        let doc = with_format("date-time");
        assert!(!emits(&doc, &CONVERT_FORMAT_REMOVED), "{:?}", codes(&doc));
    }
}
