//! `ConvertPathDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A path that connectors cannot express was dropped
    ///
    /// ### Why
    /// Connector paths are plain templates: query strings, fragments, wildcards and invalid
    /// templates are refused, and the path is dropped with its operations. Model the query string
    /// as query parameters.
    ///
    /// ### Example
    /// `/tasks?all=true` is dropped; `/tasks` with a query parameter `all` is the connector form.
    pub(crate) static CONVERT_PATH_DROPPED: NoteDoc {
        code: "ConvertPathDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_PATH_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_path_with_a_query_string_is_dropped() {
        let doc = openapi(json!({"/tasks?all=true": {"get": get_op(json!({}))}}));
        snapshot(&CONVERT_PATH_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_PATH_DROPPED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_plain_path() {
        let doc = openapi(json!({"/tasks/all": {"get": get_op(json!({}))}}));
        assert!(!emits(&doc, &CONVERT_PATH_DROPPED), "{:?}", codes(&doc));
    }
}
