//! `ConvertOperationSecurityDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// Operation-level security was dropped
    ///
    /// ### Why
    /// A connector authenticates every call with its connection.
    pub static CONVERT_OPERATION_SECURITY_DROPPED: NoteDoc {
        code: "ConvertOperationSecurityDropped",
    }
}
