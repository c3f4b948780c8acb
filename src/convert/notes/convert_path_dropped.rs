//! `ConvertPathDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A path that connectors cannot express was dropped
    ///
    /// ### Why
    /// Query strings, fragments, wildcards and invalid templates are not allowed in connector
    /// paths.
    pub static CONVERT_PATH_DROPPED: NoteDoc {
        code: "ConvertPathDropped",
    }
}
