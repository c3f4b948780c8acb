//! `ConvertBearerAsApiKey`.

use super::NoteDoc;

crate::declare_code! {
    /// A bearer scheme became an API key in the Authorization header
    ///
    /// ### Why
    /// Connectors have no bearer scheme. Users enter `Bearer <token>` as the API key; use OAuth 2.0
    /// instead when the service offers it.
    pub static CONVERT_BEARER_AS_API_KEY: NoteDoc {
        code: "ConvertBearerAsApiKey",
    }
}
