//! `ConvertWebhooksDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// OpenAPI 3.1 webhooks were dropped
    ///
    /// ### Why
    /// OpenAPI 3.1 `webhooks` have no Swagger 2.0 equivalent and are dropped. Model a webhook
    /// trigger with `x-ms-trigger` and `x-ms-notification-content` by hand.
    ///
    /// ### Example
    /// `webhooks: {taskDone: {post: …}}` is dropped with this note.
    pub(crate) static CONVERT_WEBHOOKS_DROPPED: NoteDoc {
        code: "ConvertWebhooksDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_WEBHOOKS_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn openapi_31(webhooks: serde_json::Value) -> serde_json::Value {
        let mut doc = with_get(json!({}));
        doc["openapi"] = json!("3.1.0");
        doc["webhooks"] = webhooks;
        doc
    }

    #[test]
    fn webhooks_are_dropped() {
        let doc = openapi_31(
            json!({"taskDone": {"post": {"responses": {"200": {"description": "OK"}}}}}),
        );
        snapshot(&CONVERT_WEBHOOKS_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_WEBHOOKS_DROPPED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_an_empty_webhooks_map() {
        let doc = openapi_31(json!({}));
        assert!(!emits(&doc, &CONVERT_WEBHOOKS_DROPPED), "{:?}", codes(&doc));
    }
}
