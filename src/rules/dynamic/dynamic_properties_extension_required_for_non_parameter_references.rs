use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-dynamic-schema` reference to a property inside a parameter, with no `x-ms-dynamic-properties`
    ///
    /// ### Why
    /// `x-ms-dynamic-schema` can only pass whole parameters. To pass a body property, add
    /// `x-ms-dynamic-properties` with `{"parameterReference": "body/tableId"}`.
    pub static DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES: Rule {
        code: "DynamicPropertiesExtensionRequiredForNonParameterReferences",
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
    need_sibling(cx, sink, Kind::Schema, false)
}
