use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-dynamic-values` reference to a property inside a parameter, with no `x-ms-dynamic-list`
    ///
    /// ### Why
    /// `x-ms-dynamic-values` can only pass whole parameters. To pass a property of the body (or a
    /// nested path), add `x-ms-dynamic-list` with `{"parameterReference": "body/projectId"}`.
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-values": {"operationId": "ListItems", "parameters": {"project": {"parameter":
    /// "projectId"}}}` where `projectId` is a property of the body
    /// Good: the same, with `"x-ms-dynamic-list": {"operationId": "ListItems", "parameters": {"project":
    /// {"parameterReference": "body/projectId"}}}` beside it
    pub(crate) static DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES: Rule {
        code: "DynamicListExtensionRequiredForNonParameterReferences",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    need_sibling(cx, sink, Kind::Values, false)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn body_property_reference() {
        // A body property is referenced with dynamic-values only.
        let mut dv = good_dv();
        dv["parameters"]["project"] = json!({"parameter": "projectId"});
        Tester::new(
            &DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
            vec![with_dv(good_dv())],
            vec![fail(with_dv(dv)).at([format!("{DV}/parameters/project")])],
        )
        .test();
    }
}
