//! `ConvertSecurityChosen`.

use super::NoteDoc;

crate::declare_code! {
    /// One security scheme was kept
    ///
    /// ### Why
    /// A connection uses one authentication; several need connectionParameterSets, written by hand.
    pub static CONVERT_SECURITY_CHOSEN: NoteDoc {
        code: "ConvertSecurityChosen",
    }
}
