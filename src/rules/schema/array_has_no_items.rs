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
    pub static ARRAY_HAS_NO_ITEMS: Rule {
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
            sink.emit(
                n.at("type"),
                "an array needs `items` describing its elements",
            );
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
                fail(with_param(json!({"type": "array"}))).at([format!("{P0}/type")]),
                // The Bad example, as a definition and as a parameter.
                fail(with_def(json!({"type": "array"})))
                    .at(["/definitions/X/type"])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "an array needs `items` describing its elements"
                        );
                    }),
            ],
        )
        .test();
    }
}
