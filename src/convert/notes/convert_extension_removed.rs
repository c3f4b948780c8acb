//! `ConvertExtensionRemoved`.

use super::NoteDoc;

crate::declare_code! {
    /// Unknown x-ms-* extensions were removed
    ///
    /// ### Why
    /// The connector schema rejects x-ms-* keys it does not know (and x-ms-pageable without a
    /// supported nextLinkName).
    pub static CONVERT_EXTENSION_REMOVED: NoteDoc {
        code: "ConvertExtensionRemoved",
    }
}
