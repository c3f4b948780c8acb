//! `ConvertParameterDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A parameter was dropped
    ///
    /// ### Why
    /// Declared twice, not in the path template, or without a usable name and location.
    pub static CONVERT_PARAMETER_DROPPED: NoteDoc {
        code: "ConvertParameterDropped",
    }
}
