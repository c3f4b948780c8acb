//! `ConvertUrlEncodingAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// Path parameters got x-ms-url-encoding: single
    ///
    /// ### Why
    /// Connectors need it on every path parameter.
    pub static CONVERT_URL_ENCODING_ADDED: NoteDoc {
        code: "ConvertUrlEncodingAdded",
    }
}
