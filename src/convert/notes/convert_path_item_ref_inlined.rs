//! `ConvertPathItemRefInlined`.

use super::NoteDoc;

crate::declare_code! {
    /// A path item $ref was inlined
    ///
    /// ### Why
    /// Connectors do not support path item references.
    pub static CONVERT_PATH_ITEM_REF_INLINED: NoteDoc {
        code: "ConvertPathItemRefInlined",
    }
}
