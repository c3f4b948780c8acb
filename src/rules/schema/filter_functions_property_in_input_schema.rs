use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `filterFunctions` in a request schema
    ///
    /// ### Why
    /// Filter functions describe what the service can filter in its responses; they have no meaning
    /// on a request body. Keep them on response schemas.
    ///
    /// ### Example
    /// Bad: a body parameter with `"schema": {"type": "object", "filterFunctions": ["eq"]}`
    /// Good: `filterFunctions` only in response schemas (or definitions used by responses)
    pub(crate) static FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA: Rule {
        code: "FilterFunctionsPropertyInInputSchema",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, _, kind) in filter_functions(cx) {
        if matches!(
            kind,
            Kind::Schema {
                role: SchemaRole::Input,
                ..
            }
        ) {
            sink.emit(at, "`filterFunctions` is only allowed in response schemas");
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
    fn filter_functions_on_a_request_body() {
        let out = |ff: Value| {
            patch(
                minimal(),
                json!({"definitions": {"Task": {"properties": {"id": {"x-ms-capabilities": {"filterFunctions": ff}}}}}}),
            )
        };
        let mut input = minimal();
        input
            .pointer_mut(&format!("{GET}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(json!({"name": "body", "in": "body", "schema": {"type": "object", "filterFunctions": ["eq"]}}));
        Tester::new(
            &FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA,
            vec![
                // On a definition used by a response: fine.
                out(json!(["eq"])),
            ],
            vec![
                fail(input)
                    .at([format!("{GET}/parameters/1/schema/filterFunctions")])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "`filterFunctions` is only allowed in response schemas"
                        );
                    }),
            ],
        )
        .test();
    }
}
