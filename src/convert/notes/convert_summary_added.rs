//! `ConvertSummaryAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// Parameters got an x-ms-summary derived from their names
    ///
    /// ### Why
    /// The designer shows a parameter by its `x-ms-summary`; without one it shows the raw name.
    /// Parameters without one get one derived from their names: review them.
    ///
    /// ### Example
    /// `{name: pageSize, in: query}` gets `x-ms-summary: Page Size`.
    pub(crate) static CONVERT_SUMMARY_ADDED: NoteDoc {
        code: "ConvertSummaryAdded",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_SUMMARY_ADDED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_param(extra: serde_json::Value) -> serde_json::Value {
        let mut p = json!({"name": "pageSize", "in": "query", "schema": {"type": "integer"}});
        merge(&mut p, extra);
        with_get(json!({"parameters": [p]}))
    }

    #[test]
    fn a_parameter_without_x_ms_summary_gets_one() {
        let doc = with_param(json!({}));
        snapshot(&CONVERT_SUMMARY_ADDED, &doc);
        assert!(emits(&doc, &CONVERT_SUMMARY_ADDED), "{:?}", codes(&doc));
        let def = converted(&doc).definition;
        assert_eq!(
            def["paths"]["/tasks"]["get"]["parameters"][0]["x-ms-summary"],
            "Page Size"
        );
    }

    #[test]
    fn near_miss_a_parameter_with_x_ms_summary() {
        let doc = with_param(json!({"x-ms-summary": "Page size"}));
        assert!(!emits(&doc, &CONVERT_SUMMARY_ADDED), "{:?}", codes(&doc));
    }
}
