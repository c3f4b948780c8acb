//! `ConvertResultNotLinted`.

use super::NoteDoc;

crate::declare_code! {
    /// The result is over 8 MB and was not linted
    ///
    /// ### Why
    /// It is unchecked, not clean: split the API, then run `connkit lint` on each part.
    pub static CONVERT_RESULT_NOT_LINTED: NoteDoc {
        code: "ConvertResultNotLinted",
    }
}
