//! `ConvertNestedRefHoisted`.

use super::NoteDoc;

crate::declare_code! {
    /// A reference into a schema component was hoisted into definitions
    ///
    /// ### Why
    /// Swagger 2.0 references name whole definitions. A reference deeper than a component
    /// (`#/components/schemas/X/definitions/Y`, `…/X/properties/p`) becomes its own definition
    /// under a derived unique name (`X_Y`), instead of being copied at every use (which makes
    /// schemas too deep).
    pub static CONVERT_NESTED_REF_HOISTED: NoteDoc {
        code: "ConvertNestedRefHoisted",
    }
}
