use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-dynamic-schema` reference to a property inside a parameter, with no `x-ms-dynamic-properties`
    ///
    /// ### Why
    /// `x-ms-dynamic-schema` can only pass whole parameters. To pass a body property, add
    /// `x-ms-dynamic-properties` with `{"parameterReference": "body/tableId"}`.
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-schema": {"operationId": "GetSchema", "parameters": {"project": {"parameter":
    /// "projectId"}}}` where `projectId` is a property of the body
    /// Good: the same, with `"x-ms-dynamic-properties": {"operationId": "GetSchema", "parameters":
    /// {"project": {"parameterReference": "body/projectId"}}}` beside it
    pub(crate) static DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES: Rule {
        code: "DynamicPropertiesExtensionRequiredForNonParameterReferences",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    need_sibling(cx, sink, Kind::Schema, false)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn body_property_reference() {
        let d = dyn_schema_call(json!({}), json!({"parameter": "projectId"}));
        let d_2 = dyn_schema_call(json!({}), json!({"parameter": "project"}));
        Tester::new(
            &DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
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
