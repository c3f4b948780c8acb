//! `ConvertSummaryAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// Parameters got an x-ms-summary derived from their names
    ///
    /// ### Why
    /// Review them: they are shown in the designer.
    pub static CONVERT_SUMMARY_ADDED: NoteDoc {
        code: "ConvertSummaryAdded",
    }
}
