//! `ConvertExternalRef`.

use super::NoteDoc;

crate::declare_code! {
    /// An external reference became an empty schema
    ///
    /// ### Why
    /// Only local references are supported: bundle the description first (e.g. `redocly bundle`).
    pub static CONVERT_EXTERNAL_REF: NoteDoc {
        code: "ConvertExternalRef",
    }
}
