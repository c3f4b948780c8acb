//! `ConvertPropertyDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A property named '$ref' was dropped
    ///
    /// ### Why
    /// Tools read a `$ref` key as a reference wherever it appears, so a property named `$ref`
    /// cannot be described in a connector and is dropped.
    ///
    /// ### Example
    /// `properties: {$ref: {type: string}}` is dropped; a property named `ref` is kept.
    pub(crate) static CONVERT_PROPERTY_DROPPED: NoteDoc {
        code: "ConvertPropertyDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_PROPERTY_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn returning(property: &str) -> serde_json::Value {
        with_get(
            json!({"responses": {"200": {"description": "The tasks", "content": {"application/json": {"schema": {
                "type": "object", "properties": {property: {"type": "string"}}
            }}}}}}),
        )
    }

    #[test]
    fn a_property_named_ref_is_dropped() {
        let doc = returning("$ref");
        snapshot(&CONVERT_PROPERTY_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_PROPERTY_DROPPED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_property_named_ref_without_dollar() {
        let doc = returning("ref");
        assert!(!emits(&doc, &CONVERT_PROPERTY_DROPPED), "{:?}", codes(&doc));
    }
}
