//! `ConvertDefinitionTooLarge`.

use super::NoteDoc;

crate::declare_code! {
    /// The definition is over 1 MB
    ///
    /// ### Why
    /// Connectors must stay under 1 MB: split the API into several connectors.
    pub static CONVERT_DEFINITION_TOO_LARGE: NoteDoc {
        code: "ConvertDefinitionTooLarge",
    }
}
