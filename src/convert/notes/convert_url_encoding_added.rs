//! `ConvertUrlEncodingAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// Path parameters got x-ms-url-encoding: single
    ///
    /// ### Why
    /// Connectors need `x-ms-url-encoding` on every path parameter (Microsoft's validator asks for
    /// it): `single` is added where it is missing. Noted on a Swagger 2.0 input; an OpenAPI 3 input
    /// gets it while being mapped, without a note.
    ///
    /// ### Example
    /// `{name: id, in: path}` gets `x-ms-url-encoding: single`; `double` in the input is kept.
    pub(crate) static CONVERT_URL_ENCODING_ADDED: NoteDoc {
        code: "ConvertUrlEncodingAdded",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_URL_ENCODING_ADDED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    /// A Swagger 2.0 input: an OpenAPI 3 input gets the encoding while it is mapped, before
    /// any note is counted.
    fn with_path_param(extra: serde_json::Value) -> serde_json::Value {
        let mut p = json!({"name": "id", "in": "path", "required": true, "type": "string", "x-ms-summary": "ID"});
        merge(&mut p, extra);
        swagger(json!({"/tasks/{id}": {"get": get_op(json!({"parameters": [p]}))}}))
    }

    #[test]
    fn a_path_parameter_gets_single_url_encoding() {
        let doc = with_path_param(json!({}));
        snapshot(&CONVERT_URL_ENCODING_ADDED, &doc);
        assert!(
            emits(&doc, &CONVERT_URL_ENCODING_ADDED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_an_encoding_already_there_is_kept() {
        let doc = with_path_param(json!({"x-ms-url-encoding": "double"}));
        assert!(
            !emits(&doc, &CONVERT_URL_ENCODING_ADDED),
            "{:?}",
            codes(&doc)
        );
    }
}
