use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `filterFunctions` repeats a value
    ///
    /// ### Why
    /// Each filter function is listed once.
    ///
    /// ### Example
    /// Bad: `"filterFunctions": ["eq", "ne", "eq"]`
    /// Good: `"filterFunctions": ["eq", "ne"]`
    pub(crate) static FILTER_FUNCTIONS_PROPERTY_HAS_DUPLICATES: Rule {
        code: "FilterFunctionsPropertyHasDuplicates",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, f, _) in filter_functions(cx) {
        for i in duplicates(f.as_array().map(Vec::as_slice).unwrap_or(&[])) {
            sink.emit(join_index(&at, i), "this filter function is already listed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn repeated_filter_function() {
        let out = |ff: Value| {
            patch(
                minimal(),
                json!({"definitions": {"Task": {"properties": {"id": {"x-ms-capabilities": {"filterFunctions": ff}}}}}}),
            )
        };
        let at = "/definitions/Task/properties/id/x-ms-capabilities/filterFunctions";
        Tester::new(
            &FILTER_FUNCTIONS_PROPERTY_HAS_DUPLICATES,
            vec![out(json!(["eq", "ne"]))],
            vec![
                fail(out(json!(["eq", "ne", "eq"])))
                    .at([format!("{at}/2")])
                    .then(|f| {
                        assert_eq!(f[0].message, "this filter function is already listed");
                    }),
            ],
        )
        .test();
    }
}
