//! `ConvertTooManyOperations`.

use super::NoteDoc;

crate::declare_code! {
    /// More than 256 operations
    ///
    /// ### Why
    /// A connector holds at most 256 operations: split it into several connectors.
    pub static CONVERT_TOO_MANY_OPERATIONS: NoteDoc {
        code: "ConvertTooManyOperations",
    }
}
