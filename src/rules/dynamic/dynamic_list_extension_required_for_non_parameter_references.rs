use super::*;

def_rule!(
    DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
    "DynamicListExtensionRequiredForNonParameterReferences",
    Error,
    ALL,
    "An `x-ms-dynamic-values` reference to a property inside a parameter, with no `x-ms-dynamic-list`",
    "`x-ms-dynamic-values` can only pass whole parameters. To pass a property of the body (or a \
nested path), add `x-ms-dynamic-list` with `{\"parameterReference\": \"body/projectId\"}`.",
    EXT,
    |cx, sink| need_sibling(cx, sink, Kind::Values, false)
);
