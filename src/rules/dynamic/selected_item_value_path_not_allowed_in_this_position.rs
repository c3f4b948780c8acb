use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `selectedItemValuePath` outside `x-ms-dynamic-tree.browse`
    ///
    /// ### Why
    /// `selectedItemValuePath` passes the item the user selected in a tree to the `browse`
    /// operation; it has no meaning anywhere else (in `open`, in dynamic values or lists).
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-values": {…, "parameters": {"folder": {"selectedItemValuePath": "id"}}}`
    /// Good: `"x-ms-dynamic-tree": {…, "browse": {"operationId": "ListFolder", "parameters": {"folder":
    /// {"selectedItemValuePath": "id"}}}}`
    pub(crate) static SELECTED_ITEM_VALUE_PATH_NOT_ALLOWED_IN_THIS_POSITION: Rule {
        code: "SelectedItemValuePathNotAllowedInThisPosition",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(root) = cx.connector.definition_value() else {
        return;
    };
    if !cx.connector.definition_may_contain("selectedItemValuePath") {
        return;
    }
    walk(root, 256, &mut |path, _| {
        if path.key() == Some("selectedItemValuePath")
            && !path.contains_keys(&["x-ms-dynamic-tree", "browse"])
        {
            sink.emit(
                path.pointer(),
                "selectedItemValuePath is only allowed in x-ms-dynamic-tree.browse",
            );
        }
        Visit::Descend
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn outside_browse() {
        let tree = patch(
            minimal(),
            json!({"paths": {"/f": {"get": {"operationId": "F", "parameters": [
                    {"name": "id", "in": "query", "type": "string",
                     "x-ms-dynamic-tree": {"browse": {"operationId": "F", "parameters": {"x": {"selectedItemValuePath": "id"}}}}}],
                    "responses": {"200": {"description": "ok"}}}}}}),
        );
        Tester::new(
            &SELECTED_ITEM_VALUE_PATH_NOT_ALLOWED_IN_THIS_POSITION,
            vec![tree],
            vec![
                fail(file_picker_def()).at([
                "/paths/~1f/get/parameters/0/x-ms-dynamic-values/parameters/x/selectedItemValuePath"
            ]),
            ],
        )
        .test();
    }
}
