//! `ConvertSummaryAdjusted`.

use super::NoteDoc;

crate::declare_code! {
    /// Operation summaries were added or cleaned
    ///
    /// ### Why
    /// Operation summaries are the action names users see: letters, digits, spaces and parentheses,
    /// at most 80 characters (Microsoft's validator). Missing ones are made from the operationId,
    /// others cleaned.
    ///
    /// ### Example
    /// `summary: List tasks!` becomes `List tasks`; `List (open) tasks` is kept.
    pub(crate) static CONVERT_SUMMARY_ADJUSTED: NoteDoc {
        code: "ConvertSummaryAdjusted",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_SUMMARY_ADJUSTED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_summary_with_punctuation_is_cleaned() {
        let doc = with_get(json!({"summary": "List tasks!"}));
        snapshot(&CONVERT_SUMMARY_ADJUSTED, &doc);
        assert!(emits(&doc, &CONVERT_SUMMARY_ADJUSTED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_letters_spaces_and_parentheses_are_kept() {
        let doc = with_get(json!({"summary": "List (open) tasks"}));
        assert!(!emits(&doc, &CONVERT_SUMMARY_ADJUSTED), "{:?}", codes(&doc));
    }
}
