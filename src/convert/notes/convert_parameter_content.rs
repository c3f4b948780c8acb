//! `ConvertParameterContent`.

use super::NoteDoc;

crate::declare_code! {
    /// A parameter described by content took the schema of its first media type
    ///
    /// ### Why
    /// Connectors have no content-typed parameters (`content` instead of `schema`): the parameter
    /// takes the schema of its first media type, flattened like any other parameter's (an object
    /// becomes a string the caller serialises).
    ///
    /// ### Example
    /// `{name: filter, in: query, content: {application/json: {schema: {type: string}}}}` becomes
    /// `{name: filter, in: query, type: string}`.
    pub(crate) static CONVERT_PARAMETER_CONTENT: NoteDoc {
        code: "ConvertParameterContent",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_PARAMETER_CONTENT;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_parameter_described_by_content_becomes_a_string() {
        let doc = with_get(
            json!({"parameters": [{"name": "filter", "in": "query", "content": {"application/json": {"schema": {"type": "string"}}}}]}),
        );
        snapshot(&CONVERT_PARAMETER_CONTENT, &doc);
        assert!(emits(&doc, &CONVERT_PARAMETER_CONTENT), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_parameter_with_a_schema() {
        let doc = with_get(
            json!({"parameters": [{"name": "filter", "in": "query", "schema": {"type": "string"}}]}),
        );
        assert!(
            !emits(&doc, &CONVERT_PARAMETER_CONTENT),
            "{:?}",
            codes(&doc)
        );
    }
}
