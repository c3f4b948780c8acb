//! `ConvertLinksDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// Response links were dropped
    ///
    /// ### Why
    /// Swagger 2.0 has no links.
    pub static CONVERT_LINKS_DROPPED: NoteDoc {
        code: "ConvertLinksDropped",
    }
}
