//! `ConvertSecuritySchemeUnsupported`.

use super::NoteDoc;

crate::declare_code! {
    /// A security scheme connectors cannot use was dropped
    ///
    /// ### Why
    /// Cookie API keys, client-credentials, password and implicit OAuth grants, and other HTTP
    /// schemes.
    pub static CONVERT_SECURITY_SCHEME_UNSUPPORTED: NoteDoc {
        code: "ConvertSecuritySchemeUnsupported",
    }
}
