//! `ConvertBasePathTrimmed`.

use super::NoteDoc;

crate::declare_code! {
    /// The server path had variables without defaults; basePath was cut before them
    ///
    /// ### Why
    /// Swagger 2.0 has no server variables. The basePath keeps the part before the first variable;
    /// set the full path by hand if the variable is fixed.
    pub static CONVERT_BASE_PATH_TRIMMED: NoteDoc {
        code: "ConvertBasePathTrimmed",
    }
}
