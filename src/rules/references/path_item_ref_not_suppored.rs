use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A path item uses `$ref`
    ///
    /// ### Why
    /// Swagger allows `$ref` on a path item; the platform does not. Write the operations out under
    /// the path. (The code is spelled as Microsoft's validator spells it.)
    ///
    /// ### Example
    /// Bad: `"paths": {"/tasks": {"$ref": "#/x-shared/tasks"}}`
    /// Good: `"paths": {"/tasks": {"get": {…}}}`
    pub(crate) static PATH_ITEM_REF_NOT_SUPPORED: Rule {
        code: "PathItemRefNotSuppored",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for s in sites(cx).iter().filter(|s| s.kind == RefKind::PathItem) {
        sink.emit(join(&s.at, "$ref"), "path items cannot use $ref");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn path_item_ref() {
        let d = patch(
            minimal(),
            json!({"paths": {"/tasks": {"$ref": "#/x-shared/tasks"}}, "x-shared": {"tasks": {}}}),
        );
        Tester::new(
            &PATH_ITEM_REF_NOT_SUPPORED,
            vec![
                // A `$ref` inside the path item's operations is not the path item's.
                minimal(),
            ],
            vec![fail(d).at(["/paths/~1tasks/$ref"]).then(|f| {
                assert_eq!(f[0].message, "path items cannot use $ref");
            })],
        )
        .test();
    }
}
