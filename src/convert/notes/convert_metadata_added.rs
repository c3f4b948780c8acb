//! `ConvertMetadataAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// An x-ms-connector-metadata skeleton was added
    ///
    /// ### Why
    /// Set the real website, privacy policy and up to two categories.
    pub static CONVERT_METADATA_ADDED: NoteDoc {
        code: "ConvertMetadataAdded",
    }
}
