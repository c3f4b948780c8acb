//! `ConvertPathParameterAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// A path variable without a parameter got a required string parameter
    ///
    /// ### Why
    /// Every path variable needs a parameter, or the connector cannot fill it in. One without is
    /// given a required string parameter of its name: describe it.
    ///
    /// ### Example
    /// `/tasks/{id}` without an `id` parameter gets `{name: id, in: path, required: true, type:
    /// string}`; a path-level parameter counts.
    pub(crate) static CONVERT_PATH_PARAMETER_ADDED: NoteDoc {
        code: "ConvertPathParameterAdded",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_PATH_PARAMETER_ADDED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_path_variable_without_parameter_gets_one() {
        let doc = openapi(json!({"/tasks/{id}": {"get": get_op(json!({}))}}));
        snapshot(&CONVERT_PATH_PARAMETER_ADDED, &doc);
        assert!(
            emits(&doc, &CONVERT_PATH_PARAMETER_ADDED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_a_path_level_parameter_counts() {
        let doc = openapi(json!({"/tasks/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "get": get_op(json!({}))
        }}));
        assert!(
            !emits(&doc, &CONVERT_PATH_PARAMETER_ADDED),
            "{:?}",
            codes(&doc)
        );
    }
}
