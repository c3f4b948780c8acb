//! `ConvertServerChosen`.

use super::NoteDoc;

crate::declare_code! {
    /// The first server was used
    ///
    /// ### Why
    /// A connector has one host; the other servers were not used.
    pub static CONVERT_SERVER_CHOSEN: NoteDoc {
        code: "ConvertServerChosen",
    }
}
