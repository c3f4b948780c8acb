//! `ConvertNestedRefInlined`.

use super::NoteDoc;

crate::declare_code! {
    /// A reference into a schema component could not be hoisted and was inlined
    ///
    /// ### Why
    /// The target is not a schema object (or is a chain of references); its content was copied in
    /// place.
    pub static CONVERT_NESTED_REF_INLINED: NoteDoc {
        code: "ConvertNestedRefInlined",
    }
}
