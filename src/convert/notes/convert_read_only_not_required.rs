//! `ConvertReadOnlyNotRequired`.

use super::NoteDoc;

crate::declare_code! {
    /// readOnly properties were removed from required
    ///
    /// ### Why
    /// OpenAPI 3 allows required `readOnly` properties (they are required in responses only);
    /// Swagger 2.0 and certification refuse them in request bodies. They are removed from
    /// `required`.
    ///
    /// ### Example
    /// `{required: [id], properties: {id: {readOnly: true}}}` loses `required: [id]`.
    pub(crate) static CONVERT_READ_ONLY_NOT_REQUIRED: NoteDoc {
        code: "ConvertReadOnlyNotRequired",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_READ_ONLY_NOT_REQUIRED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn returning(read_only: bool) -> serde_json::Value {
        with_get(
            json!({"responses": {"200": {"description": "The task", "content": {"application/json": {"schema": {
                "type": "object", "required": ["id"],
                "properties": {"id": {"type": "string", "readOnly": read_only}}
            }}}}}}),
        )
    }

    #[test]
    fn a_required_read_only_property_is_no_longer_required() {
        let doc = returning(true);
        snapshot(&CONVERT_READ_ONLY_NOT_REQUIRED, &doc);
        assert!(
            emits(&doc, &CONVERT_READ_ONLY_NOT_REQUIRED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_a_required_writable_property() {
        let doc = returning(false);
        assert!(
            !emits(&doc, &CONVERT_READ_ONLY_NOT_REQUIRED),
            "{:?}",
            codes(&doc)
        );
    }
}
