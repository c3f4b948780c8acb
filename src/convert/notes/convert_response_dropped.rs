//! `ConvertResponseDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A response key that is not a status code was dropped
    ///
    /// ### Why
    /// Swagger 2.0 responses are keyed by status code or `default`.
    pub static CONVERT_RESPONSE_DROPPED: NoteDoc {
        code: "ConvertResponseDropped",
    }
}
