//! `ConvertOperationDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// An operation duplicating another route was dropped
    ///
    /// ### Why
    /// A connector cannot hold two operations on one route: the same path with other variable names
    /// (`/tasks/{id}` and `/tasks/{taskId}`), or the same path in another letter case. The second
    /// is dropped.
    ///
    /// ### Example
    /// `/tasks/{id}: {get: …}` and `/tasks/{taskId}: {get: …}` keep the first; `/tasks/{id}/notes`
    /// is another route.
    pub(crate) static CONVERT_OPERATION_DROPPED: NoteDoc {
        code: "ConvertOperationDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_OPERATION_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn op(id: &str, var: &str) -> serde_json::Value {
        get_op(
            json!({"operationId": id, "parameters": [{"name": var, "in": "path", "required": true, "schema": {"type": "string"}}]}),
        )
    }

    #[test]
    fn the_same_route_with_another_variable_name_is_dropped() {
        let doc = openapi(json!({
            "/tasks/{id}": {"get": op("GetTask", "id")},
            "/tasks/{taskId}": {"get": op("GetTaskAgain", "taskId")}
        }));
        snapshot(&CONVERT_OPERATION_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_OPERATION_DROPPED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_another_route() {
        let doc = openapi(json!({
            "/tasks/{id}": {"get": op("GetTask", "id")},
            "/tasks/{id}/notes": {"get": op("GetNotes", "id")}
        }));
        assert!(
            !emits(&doc, &CONVERT_OPERATION_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
