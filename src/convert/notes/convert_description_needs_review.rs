//! `ConvertDescriptionNeedsReview`.

use super::NoteDoc;

crate::declare_code! {
    /// The connector description was shortened or generated
    ///
    /// ### Why
    /// Connector descriptions are 30 to 500 characters of plain text; review the result.
    pub static CONVERT_DESCRIPTION_NEEDS_REVIEW: NoteDoc {
        code: "ConvertDescriptionNeedsReview",
    }
}
