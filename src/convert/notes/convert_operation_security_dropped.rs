//! `ConvertOperationSecurityDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// Operation-level security was dropped
    ///
    /// ### Why
    /// A connector authenticates every call with its connection: there is no per-operation
    /// security. Operation-level `security` is dropped; the root one decides the connection.
    ///
    /// ### Example
    /// `get: {security: [{key: []}]}` is dropped with this note; root `security: [{key: []}]` is
    /// used without one.
    pub(crate) static CONVERT_OPERATION_SECURITY_DROPPED: NoteDoc {
        code: "ConvertOperationSecurityDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_OPERATION_SECURITY_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_scheme() -> serde_json::Value {
        let mut doc = with_get(json!({}));
        doc["components"] = json!({"securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}});
        doc
    }

    #[test]
    fn operation_level_security_is_dropped() {
        let mut doc = with_scheme();
        doc["paths"]["/tasks"]["get"]["security"] = json!([{"key": []}]);
        snapshot(&CONVERT_OPERATION_SECURITY_DROPPED, &doc);
        assert!(
            emits(&doc, &CONVERT_OPERATION_SECURITY_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_root_security_is_the_connection() {
        let mut doc = with_scheme();
        doc["security"] = json!([{"key": []}]);
        assert!(
            !emits(&doc, &CONVERT_OPERATION_SECURITY_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
