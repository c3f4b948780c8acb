//! `ConvertSummaryAdjusted`.

use super::NoteDoc;

crate::declare_code! {
    /// Operation summaries were added or cleaned
    ///
    /// ### Why
    /// Letters, digits, spaces and parentheses, at most 80 characters.
    pub static CONVERT_SUMMARY_ADJUSTED: NoteDoc {
        code: "ConvertSummaryAdjusted",
    }
}
