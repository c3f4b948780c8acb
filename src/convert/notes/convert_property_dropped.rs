//! `ConvertPropertyDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A property named '$ref' was dropped
    ///
    /// ### Why
    /// Tools read a `$ref` key as a reference wherever it appears.
    pub static CONVERT_PROPERTY_DROPPED: NoteDoc {
        code: "ConvertPropertyDropped",
    }
}
