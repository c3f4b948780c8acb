//! `ConvertRefBroken`.

use super::NoteDoc;

crate::declare_code! {
    /// A reference that does not resolve became an empty schema
    ///
    /// ### Why
    /// A reference that does not resolve cannot be converted: it becomes an empty schema, which
    /// accepts anything. Fix the reference in the input.
    ///
    /// ### Example
    /// `$ref: "#/components/schemas/Missing"` becomes `{}`.
    pub(crate) static CONVERT_REF_BROKEN: NoteDoc {
        code: "ConvertRefBroken",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_REF_BROKEN;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn returning(name: &str) -> serde_json::Value {
        let mut doc = with_get(
            json!({"responses": {"200": {"description": "The task", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{name}")}}}}}}),
        );
        doc["components"] = json!({"schemas": {"Task": {"type": "object", "properties": {"id": {"type": "string"}}}}});
        doc
    }

    #[test]
    fn a_reference_to_a_missing_component_becomes_an_empty_schema() {
        let doc = returning("Missing");
        snapshot(&CONVERT_REF_BROKEN, &doc);
        assert!(emits(&doc, &CONVERT_REF_BROKEN), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_an_existing_component() {
        let doc = returning("Task");
        assert!(!emits(&doc, &CONVERT_REF_BROKEN), "{:?}", codes(&doc));
    }
}
