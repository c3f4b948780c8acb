//! `ConvertEnumCleaned`.

use super::NoteDoc;

crate::declare_code! {
    /// Enum values that do not match their type were removed
    ///
    /// ### Why
    /// The connector schema refuses `enum` values of another type than their schema, so those
    /// values are removed (and the `enum` with them when none is left).
    ///
    /// ### Example
    /// `{type: string, enum: [open, 1]}` becomes `{type: string, enum: [open]}`.
    pub(crate) static CONVERT_ENUM_CLEANED: NoteDoc {
        code: "ConvertEnumCleaned",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_ENUM_CLEANED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_enum(values: serde_json::Value) -> serde_json::Value {
        with_get(
            json!({"parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": values}}]}),
        )
    }

    #[test]
    fn values_of_another_type_are_removed() {
        let doc = with_enum(json!(["open", 1]));
        snapshot(&CONVERT_ENUM_CLEANED, &doc);
        assert!(emits(&doc, &CONVERT_ENUM_CLEANED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_values_of_the_type_are_kept() {
        let doc = with_enum(json!(["open", "done"]));
        assert!(!emits(&doc, &CONVERT_ENUM_CLEANED), "{:?}", codes(&doc));
    }
}
