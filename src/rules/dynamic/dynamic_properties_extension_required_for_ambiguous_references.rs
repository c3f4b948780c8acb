use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-dynamic-schema` parameter reference is ambiguous and there is no `x-ms-dynamic-properties`
    ///
    /// ### Why
    /// As DynamicListExtensionRequiredForAmbiguousReferences, for dynamic schemas: add
    /// `x-ms-dynamic-properties` with a `parameterReference` that names the intended value.
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-schema": {"operationId": "GetSchema", "parameters": {"project": {"parameter":
    /// "project"}}}` on an operation with a query parameter `project` and a body property `project`
    /// Good: the same, with `"x-ms-dynamic-properties": {"operationId": "GetSchema", "parameters":
    /// {"project": {"parameterReference": "body/project"}}}` beside it
    pub(crate) static DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES: Rule {
        code: "DynamicPropertiesExtensionRequiredForAmbiguousReferences",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    need_sibling(cx, sink, Kind::Schema, true)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn ambiguous_reference() {
        // `project` is a query parameter and a top-level body property of `Create`.
        let d = dyn_schema_call(
            json!({"project": {"type": "string"}}),
            json!({"parameter": "project"}),
        );
        let d_2 = dyn_schema_call(json!({}), json!({"parameter": "project"}));
        Tester::new(
            &DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES,
            vec![
                d_2,
            ],
            vec![
                fail(d).at([
                "/paths/~1items/post/parameters/2/schema/properties/details/x-ms-dynamic-schema/parameters/project"
            ]),
            ],
        )
        .test();
    }
}
