//! `ConvertBinaryBody`.

use super::NoteDoc;

crate::declare_code! {
    /// A body under a binary media type became a binary string
    ///
    /// ### Why
    /// Under `application/octet-stream`, `image/*`, `application/pdf` and other binary media types
    /// the bytes are the body. An object schema there (often a generator's artefact) cannot be sent
    /// or read by a connector, so the body or response becomes `{type: string, format: binary}`.
    ///
    /// ### Example
    /// A request body `application/octet-stream: {schema: {type: object, properties: {data: …}}}`
    /// becomes a `body` parameter with `schema: {type: string, format: binary}`; `{type: string,
    /// format: binary}` in the input is kept without a note.
    pub(crate) static CONVERT_BINARY_BODY: NoteDoc {
        code: "ConvertBinaryBody",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_BINARY_BODY;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn upload(schema: serde_json::Value) -> serde_json::Value {
        openapi(json!({"/files": {"post": get_op(json!({
            "operationId": "UploadFile",
            "requestBody": {"content": {"application/octet-stream": {"schema": schema}}}
        }))}}))
    }

    #[test]
    fn an_object_schema_under_a_binary_media_type_becomes_bytes() {
        let doc = upload(json!({"type": "object", "properties": {"data": {"type": "string"}}}));
        snapshot(&CONVERT_BINARY_BODY, &doc);
        assert!(emits(&doc, &CONVERT_BINARY_BODY), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_binary_string_is_already_bytes() {
        let doc = upload(json!({"type": "string", "format": "binary"}));
        assert!(!emits(&doc, &CONVERT_BINARY_BODY), "{:?}", codes(&doc));
    }
}
