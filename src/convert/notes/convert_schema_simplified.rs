//! `ConvertSchemaSimplified`.

use super::NoteDoc;

crate::declare_code! {
    /// A schema keyword without a Swagger 2.0 equivalent was simplified
    ///
    /// ### Why
    /// Tuple items became the first item, `not` was dropped, or too many references were inlined.
    pub static CONVERT_SCHEMA_SIMPLIFIED: NoteDoc {
        code: "ConvertSchemaSimplified",
    }
}
