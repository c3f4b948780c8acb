//! `ConvertResponseAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// An operation without a success response got '200'
    ///
    /// ### Why
    /// A connector operation needs a success response: the designer builds the action's outputs
    /// from it. An operation without any `2xx` response gets `200: {description: OK}`; describe the
    /// real one.
    ///
    /// ### Example
    /// `responses: {404: …}` gets `200`; `responses: {201: …}` is a success response already.
    pub(crate) static CONVERT_RESPONSE_ADDED: NoteDoc {
        code: "ConvertResponseAdded",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_RESPONSE_ADDED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn answering(status: &str) -> serde_json::Value {
        let mut doc = with_get(json!({}));
        doc["paths"]["/tasks"]["get"]["responses"] = json!({status: {"description": "Answer"}});
        doc
    }

    #[test]
    fn an_operation_without_success_response_gets_200() {
        let doc = answering("404");
        snapshot(&CONVERT_RESPONSE_ADDED, &doc);
        assert!(emits(&doc, &CONVERT_RESPONSE_ADDED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_any_2xx_is_a_success_response() {
        let doc = answering("201");
        assert!(!emits(&doc, &CONVERT_RESPONSE_ADDED), "{:?}", codes(&doc));
    }
}
