//! `ConvertContactAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// A placeholder contact was added
    ///
    /// ### Why
    /// Connectors need info.contact (name, url, email); replace the placeholders with the real
    /// support contact.
    pub static CONVERT_CONTACT_ADDED: NoteDoc {
        code: "ConvertContactAdded",
    }
}
