//! `ConvertOpenApi31`.

use super::NoteDoc;

crate::declare_code! {
    /// OpenAPI 3.1 input was normalised to 3.0 first
    ///
    /// ### Why
    /// Type arrays, const, exclusive bounds and schema examples are rewritten; JSON Schema keywords
    /// without a Swagger 2.0 equivalent are dropped.
    pub static CONVERT_OPEN_API31: NoteDoc {
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
        assert!(emits(&doc, &CONVERT_OPEN_API31), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_openapi_3_0() {
        assert!(!emits(&with_get(json!({})), &CONVERT_OPEN_API31));
    }
}
