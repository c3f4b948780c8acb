use super::*;

def_rule!(
    DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES,
    "DynamicPropertiesExtensionRequiredForAmbiguousReferences",
    Error,
    ALL,
    "An `x-ms-dynamic-schema` parameter reference is ambiguous and there is no `x-ms-dynamic-properties`",
    "As DynamicListExtensionRequiredForAmbiguousReferences, for dynamic schemas: add \
`x-ms-dynamic-properties` with a `parameterReference` that names the intended value.",
    EXT,
    |cx, sink| need_sibling(cx, sink, Kind::Schema, true)
);
