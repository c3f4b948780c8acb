//! `ConvertComplexParameter`.

use super::NoteDoc;

crate::declare_code! {
    /// An object-typed parameter became a string
    ///
    /// ### Why
    /// The non-body parameters of a connector (query, header, path) are primitives or arrays of
    /// primitives: the designer has no way to ask for an object there. The parameter becomes a
    /// string, and the caller must serialise the object (as JSON, or as the API expects).
    ///
    /// ### Example
    /// `{name: filter, in: query, schema: {type: object, properties: {status: …}}}` becomes `{name:
    /// filter, in: query, type: string}`; an array of strings is kept.
    pub(crate) static CONVERT_COMPLEX_PARAMETER: NoteDoc {
        code: "ConvertComplexParameter",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_COMPLEX_PARAMETER;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_query(schema: serde_json::Value) -> serde_json::Value {
        with_get(json!({"parameters": [{"name": "filter", "in": "query", "schema": schema}]}))
    }

    #[test]
    fn an_object_query_parameter_becomes_a_string() {
        let doc =
            with_query(json!({"type": "object", "properties": {"status": {"type": "string"}}}));
        snapshot(&CONVERT_COMPLEX_PARAMETER, &doc);
        assert!(emits(&doc, &CONVERT_COMPLEX_PARAMETER), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_an_array_of_strings_is_a_connector_parameter() {
        let doc = with_query(json!({"type": "array", "items": {"type": "string"}}));
        assert!(
            !emits(&doc, &CONVERT_COMPLEX_PARAMETER),
            "{:?}",
            codes(&doc)
        );
    }
}
