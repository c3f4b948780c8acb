//! `ConvertMediaTypeChosen`.

use super::NoteDoc;

crate::declare_code! {
    /// One request body media type was kept
    ///
    /// ### Why
    /// A connector operation has one body; JSON is preferred, then form encodings.
    pub static CONVERT_MEDIA_TYPE_CHOSEN: NoteDoc {
        code: "ConvertMediaTypeChosen",
    }
}
