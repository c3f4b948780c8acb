//! `ConvertWebhooksDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// OpenAPI 3.1 webhooks were dropped
    ///
    /// ### Why
    /// Model a webhook trigger with x-ms-trigger and x-ms-notification-content by hand.
    pub static CONVERT_WEBHOOKS_DROPPED: NoteDoc {
        code: "ConvertWebhooksDropped",
    }
}
