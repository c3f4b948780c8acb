//! `ConvertResponseAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// An operation without a success response got '200'
    ///
    /// ### Why
    /// Describe the real success response.
    pub static CONVERT_RESPONSE_ADDED: NoteDoc {
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
        assert!(emits(&doc, &CONVERT_RESPONSE_ADDED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_any_2xx_is_a_success_response() {
        let doc = answering("201");
        assert!(!emits(&doc, &CONVERT_RESPONSE_ADDED), "{:?}", codes(&doc));
    }
}
