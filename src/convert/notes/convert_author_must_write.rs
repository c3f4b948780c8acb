//! `ConvertAuthorMustWrite`.

use super::NoteDoc;

crate::declare_code! {
    /// A placeholder the author must replace before submitting
    ///
    /// ### Why
    /// With `--profile certified` or `independent-publisher`, every value the converter could not
    /// derive and left as a placeholder (contact, website, privacy policy, publisher, host, icon
    /// colour, descriptions made only from an operationId) is listed once, at its place:
    /// certification reviewers reject placeholders.
    pub static CONVERT_AUTHOR_MUST_WRITE: NoteDoc {
        code: "ConvertAuthorMustWrite",
    }
}
