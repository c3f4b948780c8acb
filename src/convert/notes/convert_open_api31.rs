//! `ConvertOpenApi31`.

use super::NoteDoc;

crate::declare_code! {
    /// OpenAPI 3.1 input was normalised to 3.0 first
    ///
    /// ### Why
    /// Type arrays, const, exclusive bounds and schema examples are rewritten; JSON Schema keywords
    /// without a Swagger 2.0 equivalent are dropped.
    pub static CONVERT_OPEN_API31: NoteDoc {
        code: "ConvertOpenApi31",
    }
}
