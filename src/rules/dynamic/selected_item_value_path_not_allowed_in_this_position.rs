use super::*;

def_rule!(
    SELECTED_ITEM_VALUE_PATH_NOT_ALLOWED_IN_THIS_POSITION,
    "SelectedItemValuePathNotAllowedInThisPosition",
    Error,
    ALL,
    "`selectedItemValuePath` outside `x-ms-dynamic-tree.browse`",
    "`selectedItemValuePath` passes the item the user selected in a tree to the `browse` \
operation; it has no meaning anywhere else (in `open`, in dynamic values or lists).",
    EXT,
    |cx, sink| {
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
);
