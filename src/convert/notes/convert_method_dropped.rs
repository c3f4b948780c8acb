//! `ConvertMethodDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A TRACE operation was dropped
    ///
    /// ### Why
    /// Connectors support get, put, post, delete, patch, head and options.
    pub static CONVERT_METHOD_DROPPED: NoteDoc {
        code: "ConvertMethodDropped",
    }
}
