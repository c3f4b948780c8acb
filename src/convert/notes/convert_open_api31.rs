//! `ConvertOpenApi31`.

use super::NoteDoc;

crate::declare_code! {
    /// OpenAPI 3.1 input was normalised to 3.0 first
    ///
    /// ### Why
    /// OpenAPI 3.1 is converted through 3.0: type arrays become `nullable`, `const` an `enum`,
    /// numeric exclusive bounds the 3.0 form, schema `examples` an `example`; JSON Schema keywords
    /// without a Swagger 2.0 equivalent are dropped.
    ///
    /// ### Example
    /// `openapi: 3.1.0` with `type: [string, "null"]` is read as `type: string, nullable: true`.
    pub(crate) static CONVERT_OPEN_API31: NoteDoc {
        code: "ConvertOpenApi31",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_OPEN_API31;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn openapi_3_1_is_normalised_first() {
        let mut doc = with_get(json!({}));
        doc["openapi"] = json!("3.1.0");
        snapshot(&CONVERT_OPEN_API31, &doc);
        assert!(emits(&doc, &CONVERT_OPEN_API31), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_openapi_3_0() {
        assert!(!emits(&with_get(json!({})), &CONVERT_OPEN_API31));
    }
}
