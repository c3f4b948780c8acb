use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-dynamic-schema` parameter reference is ambiguous and there is no `x-ms-dynamic-properties`
    ///
    /// ### Why
    /// As DynamicListExtensionRequiredForAmbiguousReferences, for dynamic schemas: add
    /// `x-ms-dynamic-properties` with a `parameterReference` that names the intended value.
    pub static DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES: Rule {
        code: "DynamicPropertiesExtensionRequiredForAmbiguousReferences",
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
    need_sibling(cx, sink, Kind::Schema, true)
}
