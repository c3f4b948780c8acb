//! `ConvertOperationIdAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// operationIds were generated, made PascalCase or made unique
    ///
    /// ### Why
    /// Microsoft's coding standards ask for unique PascalCase operationIds; missing ones come from
    /// the method and path.
    pub static CONVERT_OPERATION_ID_ADDED: NoteDoc {
        code: "ConvertOperationIdAdded",
    }
}
