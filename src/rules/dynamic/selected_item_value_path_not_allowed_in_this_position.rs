use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `selectedItemValuePath` outside `x-ms-dynamic-tree.browse`
    ///
    /// ### Why
    /// `selectedItemValuePath` passes the item the user selected in a tree to the `browse`
    /// operation; it has no meaning anywhere else (in `open`, in dynamic values or lists).
    pub static SELECTED_ITEM_VALUE_PATH_NOT_ALLOWED_IN_THIS_POSITION: Rule {
        code: "SelectedItemValuePathNotAllowedInThisPosition",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
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
