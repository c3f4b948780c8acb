//! `ConvertOperationIdAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// operationIds were generated, made PascalCase or made unique
    ///
    /// ### Why
    /// Microsoft's coding standards ask for unique PascalCase operationIds, and the designer and
    /// flows refer to operations by them. Missing ones are made from the method and path, others
    /// made PascalCase or unique.
    ///
    /// ### Example
    /// `operationId: list_tasks` becomes `ListTasks`.
    pub(crate) static CONVERT_OPERATION_ID_ADDED: NoteDoc {
        code: "ConvertOperationIdAdded",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_OPERATION_ID_ADDED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_snake_case_operation_id_is_made_pascal_case() {
        let doc = with_get(json!({"operationId": "list_tasks"}));
        snapshot(&CONVERT_OPERATION_ID_ADDED, &doc);
        assert!(
            emits(&doc, &CONVERT_OPERATION_ID_ADDED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_a_pascal_case_id_is_kept() {
        assert!(!emits(&with_get(json!({})), &CONVERT_OPERATION_ID_ADDED));
    }
}
