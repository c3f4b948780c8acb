//! `ConvertFormatRemoved`.

use super::NoteDoc;

crate::declare_code! {
    /// format values connectors do not accept were removed
    ///
    /// ### Why
    /// Uses the same type/format table as the UnrecognizedTypeFormat rule.
    pub static CONVERT_FORMAT_REMOVED: NoteDoc {
        code: "ConvertFormatRemoved",
    }
}
