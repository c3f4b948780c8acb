//! `ConvertSchemaSimplified`.

use super::NoteDoc;

crate::declare_code! {
    /// A schema keyword without a Swagger 2.0 equivalent was simplified
    ///
    /// ### Why
    /// Some JSON Schema keywords have no Swagger 2.0 equivalent: tuple `items` became the first
    /// item's schema, `not` was dropped, or too many references were inlined and the rest became
    /// empty schemas.
    ///
    /// ### Example
    /// `{type: string, not: {enum: [x]}}` becomes `{type: string}`.
    pub(crate) static CONVERT_SCHEMA_SIMPLIFIED: NoteDoc {
        code: "ConvertSchemaSimplified",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_SCHEMA_SIMPLIFIED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn returning(schema: serde_json::Value) -> serde_json::Value {
        with_get(
            json!({"responses": {"200": {"description": "The task", "content": {"application/json": {"schema": schema}}}}}),
        )
    }

    #[test]
    fn not_is_dropped() {
        let doc = returning(json!({"type": "string", "not": {"enum": ["x"]}}));
        snapshot(&CONVERT_SCHEMA_SIMPLIFIED, &doc);
        assert!(emits(&doc, &CONVERT_SCHEMA_SIMPLIFIED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_plain_schema() {
        let doc = returning(json!({"type": "string", "enum": ["x", "y"]}));
        assert!(
            !emits(&doc, &CONVERT_SCHEMA_SIMPLIFIED),
            "{:?}",
            codes(&doc)
        );
    }
}
