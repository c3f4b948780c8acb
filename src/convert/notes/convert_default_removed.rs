//! `ConvertDefaultRemoved`.

use super::NoteDoc;

crate::declare_code! {
    /// Defaults that do not match their type were removed
    ///
    /// ### Why
    /// The connector schema refuses a default of another type than its schema.
    pub static CONVERT_DEFAULT_REMOVED: NoteDoc {
        code: "ConvertDefaultRemoved",
    }
}
