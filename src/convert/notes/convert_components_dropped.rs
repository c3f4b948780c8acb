//! `ConvertComponentsDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// components/callbacks, links or examples were dropped
    ///
    /// ### Why
    /// They have no Swagger 2.0 equivalent.
    pub static CONVERT_COMPONENTS_DROPPED: NoteDoc {
        code: "ConvertComponentsDropped",
    }
}
