//! `ConvertMethodDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A TRACE operation was dropped
    ///
    /// ### Why
    /// Connectors support get, put, post, delete, patch, head and options; a `trace` operation
    /// cannot be called and is dropped.
    ///
    /// ### Example
    /// `/tasks: {get: …, trace: …}` keeps only `get`.
    pub(crate) static CONVERT_METHOD_DROPPED: NoteDoc {
        code: "ConvertMethodDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_METHOD_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_method(method: &str) -> serde_json::Value {
        openapi(json!({"/tasks": {
            "get": get_op(json!({})),
            method: get_op(json!({"operationId": "Other"}))
        }}))
    }

    #[test]
    fn a_trace_operation_is_dropped() {
        let doc = with_method("trace");
        snapshot(&CONVERT_METHOD_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_METHOD_DROPPED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_head_is_a_connector_method() {
        let doc = with_method("head");
        assert!(!emits(&doc, &CONVERT_METHOD_DROPPED), "{:?}", codes(&doc));
    }
}
