use super::*;

ref_rule!(
    PARAMETER_REFERENCE_NOT_FOUND,
    "ParameterReferenceNotFound",
    "A `$ref` to a missing `#/parameters/…` entry",
    "The referenced shared parameter does not exist under the root `parameters`.",
    not_found,
    RefKind::Parameter
);
