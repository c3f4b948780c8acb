//! `ConvertCallbacksDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// Operation callbacks were dropped
    ///
    /// ### Why
    /// Swagger 2.0 has no callbacks, so the operation's `callbacks` are dropped. A connector
    /// receives events through a webhook trigger, which needs `x-ms-trigger` and
    /// `x-ms-notification-content` written by hand.
    ///
    /// ### Example
    /// `callbacks: {onDone: {"{$request.body#/url}": {post: …}}}` on an operation is dropped with
    /// this note; an empty `callbacks: {}` is dropped without one.
    pub(crate) static CONVERT_CALLBACKS_DROPPED: NoteDoc {
        code: "ConvertCallbacksDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_CALLBACKS_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn callbacks_are_dropped() {
        let doc = with_get(
            json!({"callbacks": {"onDone": {"{$request.body#/url}": {"post": {"responses": {"200": {"description": "OK"}}}}}}}),
        );
        snapshot(&CONVERT_CALLBACKS_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_CALLBACKS_DROPPED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_an_empty_callbacks_map_loses_nothing() {
        let doc = with_get(json!({"callbacks": {}}));
        assert!(
            !emits(&doc, &CONVERT_CALLBACKS_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
