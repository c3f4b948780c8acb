//! `ConvertParameterContent`.

use super::NoteDoc;

crate::declare_code! {
    /// A parameter described by content became a string
    ///
    /// ### Why
    /// Connectors have no content-typed parameters.
    pub static CONVERT_PARAMETER_CONTENT: NoteDoc {
        code: "ConvertParameterContent",
    }
}
