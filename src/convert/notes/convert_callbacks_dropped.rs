//! `ConvertCallbacksDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// Operation callbacks were dropped
    ///
    /// ### Why
    /// Swagger 2.0 has no callbacks. A webhook trigger needs x-ms-trigger and
    /// x-ms-notification-content written by hand.
    pub static CONVERT_CALLBACKS_DROPPED: NoteDoc {
        code: "ConvertCallbacksDropped",
    }
}
