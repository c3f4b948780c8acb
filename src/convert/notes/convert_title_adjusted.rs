//! `ConvertTitleAdjusted`.

use super::NoteDoc;

crate::declare_code! {
    /// The title was adjusted
    ///
    /// ### Why
    /// At most 30 characters, without 'API' or 'Connector', ending with a letter or digit.
    pub static CONVERT_TITLE_ADJUSTED: NoteDoc {
        code: "ConvertTitleAdjusted",
    }
}
