//! `ConvertPathParameterAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// A path variable without a parameter got a required string parameter
    ///
    /// ### Why
    /// Every path variable needs a parameter; describe it.
    pub static CONVERT_PATH_PARAMETER_ADDED: NoteDoc {
        code: "ConvertPathParameterAdded",
    }
}
