//! `ConvertHostMissing`.

use super::NoteDoc;

crate::declare_code! {
    /// No absolute server URL: host is a placeholder
    ///
    /// ### Why
    /// Set the host with --host.
    pub static CONVERT_HOST_MISSING: NoteDoc {
        code: "ConvertHostMissing",
    }
}
