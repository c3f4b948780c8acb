//! `ConvertRefBroken`.

use super::NoteDoc;

crate::declare_code! {
    /// A reference that does not resolve became an empty schema
    ///
    /// ### Why
    /// Fix the reference in the input.
    pub static CONVERT_REF_BROKEN: NoteDoc {
        code: "ConvertRefBroken",
    }
}
