//! `ConvertBinaryBody`.

use super::NoteDoc;

crate::declare_code! {
    /// A body under a binary media type became a binary string
    ///
    /// ### Why
    /// Under `application/octet-stream`, `image/*`, `application/pdf` and other binary media types
    /// the bytes are the body: an object schema there (often a generator's artefact) cannot be sent
    /// by a connector, so the body is `{type: string, format: binary}`.
    pub static CONVERT_BINARY_BODY: NoteDoc {
        code: "ConvertBinaryBody",
    }
}
