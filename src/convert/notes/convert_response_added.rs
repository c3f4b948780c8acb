//! `ConvertResponseAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// An operation without a success response got '200'
    ///
    /// ### Why
    /// Describe the real success response.
    pub static CONVERT_RESPONSE_ADDED: NoteDoc {
        code: "ConvertResponseAdded",
    }
}
