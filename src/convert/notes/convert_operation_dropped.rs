//! `ConvertOperationDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// An operation duplicating another route was dropped
    ///
    /// ### Why
    /// Same route with other variable names, or the same path in another letter case.
    pub static CONVERT_OPERATION_DROPPED: NoteDoc {
        code: "ConvertOperationDropped",
    }
}
