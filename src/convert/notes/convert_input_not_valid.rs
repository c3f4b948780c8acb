//! `ConvertInputNotValid`.

use super::NoteDoc;

crate::declare_code! {
    /// The input does not fully match OpenAPI 3.0
    ///
    /// ### Why
    /// What can be understood is converted; check the input with an OpenAPI validator.
    pub static CONVERT_INPUT_NOT_VALID: NoteDoc {
        code: "ConvertInputNotValid",
    }
}
