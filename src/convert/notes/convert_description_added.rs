//! `ConvertDescriptionAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// Descriptions were derived from summaries or names
    ///
    /// ### Why
    /// With `--profile certified` or `independent-publisher`, operation descriptions come from
    /// their summaries (or the reverse), parameter and property descriptions and x-ms-summary from
    /// their names (`userId` → "User ID"), response descriptions from their status. Review them:
    /// they are correct but plain.
    pub static CONVERT_DESCRIPTION_ADDED: NoteDoc {
        code: "ConvertDescriptionAdded",
    }
}
