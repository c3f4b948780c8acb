//! `ConvertRequestBodyDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A request body was dropped
    ///
    /// ### Why
    /// GET and HEAD cannot have a body in a connector; a form body needs properties.
    pub static CONVERT_REQUEST_BODY_DROPPED: NoteDoc {
        code: "ConvertRequestBodyDropped",
    }
}
