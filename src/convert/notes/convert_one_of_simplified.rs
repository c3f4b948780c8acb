//! `ConvertOneOfSimplified`.

use super::NoteDoc;

crate::declare_code! {
    /// oneOf/anyOf became the closest single shape
    ///
    /// ### Why
    /// Swagger 2.0 has no alternatives (`oneOf`, `anyOf`). Object alternatives become the union of
    /// their properties (or the first one when very wide), same-type alternatives one type, mixed
    /// types an untyped schema. Which alternative applies, and the constraints of each, are lost.
    ///
    /// ### Example
    /// `oneOf: [{type: string}, {type: integer}]` becomes `{}`; `oneOf: [{type: string}, {type:
    /// "null"}]` becomes a nullable string without a note.
    pub(crate) static CONVERT_ONE_OF_SIMPLIFIED: NoteDoc {
        code: "ConvertOneOfSimplified",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_ONE_OF_SIMPLIFIED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn returning(schema: serde_json::Value) -> serde_json::Value {
        with_get(
            json!({"responses": {"200": {"description": "The tasks", "content": {"application/json": {"schema": schema}}}}}),
        )
    }

    #[test]
    fn alternatives_of_mixed_types_become_one_schema() {
        let doc = returning(json!({"oneOf": [{"type": "string"}, {"type": "integer"}]}));
        snapshot(&CONVERT_ONE_OF_SIMPLIFIED, &doc);
        assert!(emits(&doc, &CONVERT_ONE_OF_SIMPLIFIED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_one_alternative_and_null_is_that_alternative_nullable() {
        let doc = returning(json!({"oneOf": [{"type": "string"}, {"type": "null"}]}));
        assert!(
            !emits(&doc, &CONVERT_ONE_OF_SIMPLIFIED),
            "{:?}",
            codes(&doc)
        );
    }
}
