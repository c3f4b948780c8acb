//! `ConvertServersIgnored`.

use super::NoteDoc;

crate::declare_code! {
    /// Path- or operation-level servers were ignored
    ///
    /// ### Why
    /// Connectors have one host for every operation.
    pub static CONVERT_SERVERS_IGNORED: NoteDoc {
        code: "ConvertServersIgnored",
    }
}
