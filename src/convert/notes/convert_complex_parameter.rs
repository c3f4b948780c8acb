//! `ConvertComplexParameter`.

use super::NoteDoc;

crate::declare_code! {
    /// An object-typed parameter became a string
    ///
    /// ### Why
    /// Non-body parameters of a connector are primitives or arrays of primitives; the caller must
    /// serialise the object.
    pub static CONVERT_COMPLEX_PARAMETER: NoteDoc {
        code: "ConvertComplexParameter",
    }
}
