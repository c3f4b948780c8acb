//! `ConvertReadOnlyNotRequired`.

use super::NoteDoc;

crate::declare_code! {
    /// readOnly properties were removed from required
    ///
    /// ### Why
    /// Swagger 2.0 and certification refuse required readOnly properties in request bodies.
    pub static CONVERT_READ_ONLY_NOT_REQUIRED: NoteDoc {
        code: "ConvertReadOnlyNotRequired",
    }
}
