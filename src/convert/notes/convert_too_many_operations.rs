//! `ConvertTooManyOperations`.

use super::NoteDoc;

crate::declare_code! {
    /// More than 256 operations
    ///
    /// ### Why
    /// A connector holds at most 256 operations (Microsoft's validator refuses more): split the API
    /// into several connectors.
    ///
    /// ### Example
    /// An API of 257 operations is converted with this note.
    pub(crate) static CONVERT_TOO_MANY_OPERATIONS: NoteDoc {
        code: "ConvertTooManyOperations",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_TOO_MANY_OPERATIONS;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn with_operations(n: usize) -> serde_json::Value {
        let paths: serde_json::Map<String, serde_json::Value> = (0..n)
            .map(|i| {
                (
                    format!("/t{i}"),
                    json!({"get": get_op(json!({"operationId": format!("Get{i}")}))}),
                )
            })
            .collect();
        openapi(serde_json::Value::Object(paths))
    }

    #[test]
    fn more_than_256_operations_are_noted() {
        let doc = with_operations(257);
        snapshot(&CONVERT_TOO_MANY_OPERATIONS, &doc);
        assert!(emits(&doc, &CONVERT_TOO_MANY_OPERATIONS));
    }

    #[test]
    fn near_miss_256_operations_fit() {
        let doc = with_operations(256);
        assert!(!emits(&doc, &CONVERT_TOO_MANY_OPERATIONS));
    }
}
