//! `ConvertEnumCleaned`.

use super::NoteDoc;

crate::declare_code! {
    /// Enum values that do not match their type were removed
    ///
    /// ### Why
    /// The connector schema refuses enum values of another type than their schema.
    pub static CONVERT_ENUM_CLEANED: NoteDoc {
        code: "ConvertEnumCleaned",
    }
}
