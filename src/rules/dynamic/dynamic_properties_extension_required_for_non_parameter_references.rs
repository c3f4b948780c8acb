use super::*;

def_rule!(
    DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
    "DynamicPropertiesExtensionRequiredForNonParameterReferences",
    Error,
    ALL,
    "An `x-ms-dynamic-schema` reference to a property inside a parameter, with no `x-ms-dynamic-properties`",
    "`x-ms-dynamic-schema` can only pass whole parameters. To pass a body property, add \
`x-ms-dynamic-properties` with `{\"parameterReference\": \"body/tableId\"}`.",
    EXT,
    |cx, sink| need_sibling(cx, sink, Kind::Schema, false)
);
