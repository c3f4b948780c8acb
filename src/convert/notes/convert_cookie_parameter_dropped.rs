//! `ConvertCookieParameterDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A cookie parameter was dropped
    ///
    /// ### Why
    /// Connectors cannot send cookies; a policy template can set a Cookie header.
    pub static CONVERT_COOKIE_PARAMETER_DROPPED: NoteDoc {
        code: "ConvertCookieParameterDropped",
    }
}
