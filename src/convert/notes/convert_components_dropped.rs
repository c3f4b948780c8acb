//! `ConvertComponentsDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// components/callbacks, links or examples were dropped
    ///
    /// ### Why
    /// `components/callbacks`, `components/links` and `components/examples` have no Swagger 2.0
    /// equivalent: nothing in a connector could refer to them, so they are dropped. Callbacks
    /// become webhook triggers written by hand; examples can be kept as schema `example` values.
    ///
    /// ### Example
    /// `components: {links: {Next: {operationId: ListTasks}}}` is dropped with this note; empty
    /// sections are dropped without one.
    pub(crate) static CONVERT_COMPONENTS_DROPPED: NoteDoc {
        code: "ConvertComponentsDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_COMPONENTS_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn component_links_are_dropped() {
        let mut doc = with_get(json!({}));
        doc["components"] = json!({"links": {"Next": {"operationId": "ListTasks"}}});
        snapshot(&CONVERT_COMPONENTS_DROPPED, &doc);
        assert!(
            emits(&doc, &CONVERT_COMPONENTS_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_empty_sections_lose_nothing() {
        let mut doc = with_get(json!({}));
        doc["components"] = json!({"links": {}, "callbacks": {}, "examples": {}});
        assert!(
            !emits(&doc, &CONVERT_COMPONENTS_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
