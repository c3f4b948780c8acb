//! `ConvertExternalRef`.

use super::NoteDoc;

crate::declare_code! {
    /// An external reference became an empty schema
    ///
    /// ### Why
    /// A connector is one file: only local references (`#/…`) can be resolved. A reference to
    /// another file becomes an empty schema. Bundle the description first (for example `redocly
    /// bundle`), then convert the result.
    ///
    /// ### Example
    /// `$ref: "task.yaml#/Task"` becomes `{}`; `$ref: "#/components/schemas/Task"` becomes
    /// `#/definitions/Task`.
    pub(crate) static CONVERT_EXTERNAL_REF: NoteDoc {
        code: "ConvertExternalRef",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_EXTERNAL_REF;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn returning(schema: serde_json::Value) -> serde_json::Value {
        let mut doc = with_get(
            json!({"responses": {"200": {"description": "The tasks", "content": {"application/json": {"schema": schema}}}}}),
        );
        doc["components"] = json!({"schemas": {"Task": {"type": "object", "properties": {"id": {"type": "string"}}}}});
        doc
    }

    #[test]
    fn a_reference_to_another_file_becomes_an_empty_schema() {
        let doc = returning(json!({"$ref": "task.yaml#/Task"}));
        snapshot(&CONVERT_EXTERNAL_REF, &doc);
        assert!(emits(&doc, &CONVERT_EXTERNAL_REF), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_local_reference_is_kept() {
        let doc = returning(json!({"$ref": "#/components/schemas/Task"}));
        assert!(!emits(&doc, &CONVERT_EXTERNAL_REF), "{:?}", codes(&doc));
    }
}
