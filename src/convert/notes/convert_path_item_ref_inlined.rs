//! `ConvertPathItemRefInlined`.

use super::NoteDoc;

crate::declare_code! {
    /// A path item $ref was inlined
    ///
    /// ### Why
    /// Connectors do not support path item references (`$ref` on a path): the referenced path item
    /// is copied in place.
    ///
    /// ### Example
    /// `/todo: {$ref: "#/paths/~1tasks"}` gets the operations of `/tasks`.
    pub(crate) static CONVERT_PATH_ITEM_REF_INLINED: NoteDoc {
        code: "ConvertPathItemRefInlined",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_PATH_ITEM_REF_INLINED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_path_item_reference_is_inlined() {
        let doc = openapi(json!({
            "/tasks": {"get": get_op(json!({}))},
            "/todo": {"$ref": "#/paths/~1tasks"}
        }));
        snapshot(&CONVERT_PATH_ITEM_REF_INLINED, &doc);
        assert!(
            emits(&doc, &CONVERT_PATH_ITEM_REF_INLINED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_inline_path_items() {
        let doc = openapi(json!({
            "/tasks": {"get": get_op(json!({}))},
            "/todo": {"get": get_op(json!({"operationId": "ListTodo"}))}
        }));
        assert!(
            !emits(&doc, &CONVERT_PATH_ITEM_REF_INLINED),
            "{:?}",
            codes(&doc)
        );
    }
}
