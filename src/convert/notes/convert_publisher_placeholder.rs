//! `ConvertPublisherPlaceholder`.

use super::NoteDoc;

crate::declare_code! {
    /// publisher and stackOwner were set from the contact name
    ///
    /// ### Why
    /// Check them: they are shown to users and reviewed by Microsoft.
    pub static CONVERT_PUBLISHER_PLACEHOLDER: NoteDoc {
        code: "ConvertPublisherPlaceholder",
    }
}
