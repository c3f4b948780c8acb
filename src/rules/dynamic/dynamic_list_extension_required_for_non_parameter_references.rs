use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-dynamic-values` reference to a property inside a parameter, with no `x-ms-dynamic-list`
    ///
    /// ### Why
    /// `x-ms-dynamic-values` can only pass whole parameters. To pass a property of the body (or a
    /// nested path), add `x-ms-dynamic-list` with `{"parameterReference": "body/projectId"}`.
    pub static DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES: Rule {
        code: "DynamicListExtensionRequiredForNonParameterReferences",
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
    need_sibling(cx, sink, Kind::Values, false)
}
