use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `filterFunctions` is present but empty
    ///
    /// ### Why
    /// `filterFunctions` lists the OData filter functions a response property supports (used by
    /// dynamic-schema connectors for server-side filtering). An empty list is refused: list the
    /// functions, or remove the key.
    ///
    /// ### Example
    /// Bad: `"x-ms-capabilities": {"filterFunctions": []}`
    /// Good: `"x-ms-capabilities": {"filterFunctions": ["eq", "ne"]}`
    pub(crate) static FILTER_FUNCTIONS_PROPERTY_EMPTY: Rule {
        code: "FilterFunctionsPropertyEmpty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, f, _) in filter_functions(cx) {
        if f.as_array().is_some_and(Vec::is_empty) {
            sink.emit(at, "`filterFunctions` is empty");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn empty_filter_functions() {
        let out = |ff: Value| {
            patch(
                minimal(),
                json!({"definitions": {"Task": {"properties": {"id": {"x-ms-capabilities": {"filterFunctions": ff}}}}}}),
            )
        };
        let at = "/definitions/Task/properties/id/x-ms-capabilities/filterFunctions";
        Tester::new(
            &FILTER_FUNCTIONS_PROPERTY_EMPTY,
            vec![out(json!(["eq"]))],
            vec![fail(out(json!([]))).at([at]).then(|f| {
                assert_eq!(f[0].message, "`filterFunctions` is empty");
            })],
        )
        .test();
    }
}
