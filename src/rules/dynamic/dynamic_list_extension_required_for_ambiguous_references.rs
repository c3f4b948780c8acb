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
    /// ### Evidence
    /// Calibration: only properties at the top level of the body count as a clash. A first version
    /// also matched nested properties and fired on Annature (independent publisher, 2024), where
    /// the path parameter `id` and `documents[].id` cannot be confused.
    pub static DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES: Rule {
        code: "DynamicListExtensionRequiredForAmbiguousReferences",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    need_sibling(cx, sink, Kind::Values, true)
}
