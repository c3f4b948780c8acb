use super::*;

ref_rule!(
    PARAMETER_REFERENCE_NOT_VALID,
    "ParameterReferenceNotValid",
    "A parameter `$ref` that does not point into `#/parameters/`",
    "Entries of a `parameters` list may only reference entries of the root `parameters`.",
    not_valid,
    RefKind::Parameter
);
