use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A file-picker dynamic value without `x-ms-dynamic-tree`
    ///
    /// ### Why
    /// `x-ms-dynamic-values` with `"capability": "file-picker"` opens the old file picker; the
    /// current designer browses with `x-ms-dynamic-tree` (its `open`/`browse` operations). Add an
    /// `x-ms-dynamic-tree` beside it.
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-values": {"capability": "file-picker", "parameters": {…}}` alone
    /// Good: the same, with `"x-ms-dynamic-tree": {"open": {"operationId": "ListRootFolder", …},
    /// "browse": {"operationId": "ListFolder", …}}` beside it
    pub(crate) static DYNAMIC_TREE_EXTENSION_MISSING: Rule {
        code: "DynamicTreeExtensionMissing",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    with_sites(cx, &mut |_, s| {
        if s.kind == Kind::Values
            && s.ext.get("capability").and_then(Value::as_str) == Some("file-picker")
            && !s.has(Kind::Tree)
        {
            once.emit(
                s.at.clone(),
                "file-picker dynamic values need x-ms-dynamic-tree",
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn file_picker_without_tree() {
        let mut d = file_picker_def();
        d["paths"]["/f"]["get"]["parameters"][0]["x-ms-dynamic-values"]["capability"] = json!("x");
        Tester::new(
            &DYNAMIC_TREE_EXTENSION_MISSING,
            vec![d],
            vec![fail(file_picker_def()).at(["/paths/~1f/get/parameters/0/x-ms-dynamic-values"])],
        )
        .test();
    }
}
