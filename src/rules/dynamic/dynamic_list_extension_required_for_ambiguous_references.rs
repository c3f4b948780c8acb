use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-dynamic-values` parameter reference is ambiguous and there is no `x-ms-dynamic-list`
    ///
    /// ### Why
    /// `{"parameter": "id"}` cannot tell a parameter `id` from a body property `id` of the same
    /// operation. Add an `x-ms-dynamic-list` next to `x-ms-dynamic-values` whose `parameters` use
    /// `{"parameterReference": "body/id"}` (or the parameter's name) to say which one is meant.
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-values": {"operationId": "ListItems", "parameters": {"project": {"parameter":
    /// "project"}}}` on an operation with a query parameter `project` and a body property `project`
    /// Good: the same, with `"x-ms-dynamic-list": {"operationId": "ListItems", "parameters": {"project":
    /// {"parameterReference": "body/project"}}}` beside it
    ///
    /// ### Evidence
    /// Calibration: only properties at the top level of the body count as a clash. A first version
    /// also matched nested properties and fired on Annature (independent publisher, 2024), where
    /// the path parameter `id` and `documents[].id` cannot be confused.
    pub(crate) static DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES: Rule {
        code: "DynamicListExtensionRequiredForAmbiguousReferences",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    need_sibling(cx, sink, Kind::Values, true)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn ambiguous_reference() {
        // Ambiguous: `project` is a query parameter and (now) a body property.
        let d = base(good_dv(), json!({"project": {"type": "string"}}));
        // A nested body property of the same name is not a clash.
        let d_2 = base(
            good_dv(),
            json!({"nested": {"type": "object", "properties": {"project": {"type": "string"}}}}),
        );
        Tester::new(
            &DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES,
            vec![d_2],
            vec![fail(d).at([format!("{DV}/parameters/project")])],
        )
        .test();
    }
}
