use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `type: array` without `items`
    ///
    /// ### Why
    /// An array must say what its elements are: the designer builds its fields and the runtime its
    /// serialization from `items`. Add `items` (a schema, or for a non-body parameter an items
    /// object with a `type`).
    ///
    /// ### Example
    /// Bad: `{"type": "array"}`
    /// Good: `{"type": "array", "items": {"type": "string"}}`
    ///
    /// ### Evidence
    /// An **error** for a non-body parameter, a response header or an `items` object: Swagger 2.0
    /// requires `items` there ("Required if type is array"), and without it the platform cannot
    /// serialize the values. A **warning** for a schema (a body, a response, a definition): JSON
    /// Schema allows an array of anything, and schema arrays without `items` were merged after
    /// validation, repeatedly and since the pipeline's 2023-08 repair, in the other half of the
    /// public repository, with no Microsoft message known (the visible history has none). The
    /// designer then offers the array only as a whole.
    pub(crate) static ARRAY_HAS_NO_ITEMS: Rule {
        code: "ArrayHasNoItems",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx) {
        if n.ty() == Some("array") && n.get("items").is_none() {
            if n.is_schema() {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Definition,
                    n.at("type"),
                    "an array schema without `items`: the designer offers it only as a whole \
                     (add `items` describing its elements)",
                );
            } else {
                sink.emit(
                    n.at("type"),
                    "an array needs `items` describing its elements",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn array_without_items() {
        Tester::new(
            &ARRAY_HAS_NO_ITEMS,
            vec![
                // The Good example.
                with_def(json!({"type": "array", "items": {"type": "string"}})),
            ],
            vec![
                // A query parameter: Swagger 2.0 requires `items`, an error.
                fail(with_param(json!({"type": "array"})))
                    .at([format!("{P0}/type")])
                    .then(|f| {
                        assert_eq!(f[0].severity, Severity::Error);
                        assert_eq!(
                            f[0].message,
                            "an array needs `items` describing its elements"
                        );
                    }),
                // The Bad example as a schema: a warning (merged by Microsoft).
                fail(with_def(json!({"type": "array"})))
                    .at(["/definitions/X/type"])
                    .then(|f| {
                        assert_eq!(f[0].severity, Severity::Warning);
                        assert!(f[0].message.contains("without `items`"), "{}", f[0].message);
                    }),
            ],
        )
        .test();
    }
}
