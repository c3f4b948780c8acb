//! `ConvertOneOfSimplified`.

use super::NoteDoc;

crate::declare_code! {
    /// oneOf/anyOf became the closest single shape
    ///
    /// ### Why
    /// Swagger 2.0 has no alternatives: object alternatives become the union of their properties
    /// (or the first one when very wide), same-type alternatives one type, mixed types an untyped
    /// schema.
    pub static CONVERT_ONE_OF_SIMPLIFIED: NoteDoc {
        code: "ConvertOneOfSimplified",
    }
}
