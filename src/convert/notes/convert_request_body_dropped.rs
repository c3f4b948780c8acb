//! `ConvertRequestBodyDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A request body was dropped
    ///
    /// ### Why
    /// GET and HEAD cannot have a body in a connector, and a form body needs properties to become
    /// form fields; such request bodies are dropped.
    ///
    /// ### Example
    /// A `get` with a `requestBody` loses it; a `post` keeps it.
    pub(crate) static CONVERT_REQUEST_BODY_DROPPED: NoteDoc {
        code: "ConvertRequestBodyDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_REQUEST_BODY_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_body(method: &str) -> serde_json::Value {
        let body = json!({"content": {"application/json": {"schema": {"type": "object", "properties": {"q": {"type": "string"}}}}}});
        openapi(json!({"/tasks": {method: get_op(json!({"requestBody": body}))}}))
    }

    #[test]
    fn a_get_body_is_dropped() {
        let doc = with_body("get");
        snapshot(&CONVERT_REQUEST_BODY_DROPPED, &doc);
        assert!(
            emits(&doc, &CONVERT_REQUEST_BODY_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_a_post_body_is_kept() {
        let doc = with_body("post");
        assert!(
            !emits(&doc, &CONVERT_REQUEST_BODY_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
