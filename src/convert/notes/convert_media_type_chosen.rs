//! `ConvertMediaTypeChosen`.

use super::NoteDoc;

crate::declare_code! {
    /// One request body media type was kept
    ///
    /// ### Why
    /// A connector operation has one request body. Of several media types, JSON is kept, then form
    /// encodings (`application/x-www-form-urlencoded`, `multipart/form-data`), then the first; the
    /// others are listed in the note.
    ///
    /// ### Example
    /// `content: {application/xml: …, application/json: …}` keeps `application/json`.
    pub(crate) static CONVERT_MEDIA_TYPE_CHOSEN: NoteDoc {
        code: "ConvertMediaTypeChosen",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_MEDIA_TYPE_CHOSEN;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn create(content: serde_json::Value) -> serde_json::Value {
        openapi(
            json!({"/tasks": {"post": get_op(json!({"operationId": "CreateTask", "requestBody": {"content": content}}))}}),
        )
    }

    #[test]
    fn json_is_kept_of_several_media_types() {
        let s = json!({"schema": {"type": "object", "properties": {"title": {"type": "string"}}}});
        let doc = create(json!({"application/xml": s.clone(), "application/json": s}));
        snapshot(&CONVERT_MEDIA_TYPE_CHOSEN, &doc);
        assert!(emits(&doc, &CONVERT_MEDIA_TYPE_CHOSEN), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_one_media_type() {
        let s = json!({"schema": {"type": "object", "properties": {"title": {"type": "string"}}}});
        let doc = create(json!({"application/json": s}));
        assert!(
            !emits(&doc, &CONVERT_MEDIA_TYPE_CHOSEN),
            "{:?}",
            codes(&doc)
        );
    }
}
