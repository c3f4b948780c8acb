//! `ConvertLinksDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// Response links were dropped
    ///
    /// ### Why
    /// Swagger 2.0 has no response links, and connectors no way to follow them, so they are
    /// dropped.
    ///
    /// ### Example
    /// `responses: {200: {links: {next: {operationId: ListTasks}}}}` loses its `links` with this
    /// note.
    pub(crate) static CONVERT_LINKS_DROPPED: NoteDoc {
        code: "ConvertLinksDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_LINKS_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_links(links: serde_json::Value) -> serde_json::Value {
        with_get(json!({"responses": {"200": {"description": "The tasks", "links": links}}}))
    }

    #[test]
    fn response_links_are_dropped() {
        let doc = with_links(json!({"next": {"operationId": "ListTasks"}}));
        snapshot(&CONVERT_LINKS_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_LINKS_DROPPED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_empty_links_lose_nothing() {
        let doc = with_links(json!({}));
        assert!(!emits(&doc, &CONVERT_LINKS_DROPPED), "{:?}", codes(&doc));
    }
}
