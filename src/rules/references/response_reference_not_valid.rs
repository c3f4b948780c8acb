use super::*;

ref_rule!(
    RESPONSE_REFERENCE_NOT_VALID,
    "ResponseReferenceNotValid",
    "A response `$ref` that does not point into `#/responses/`",
    "Responses may only reference entries of the root `responses`.",
    not_valid,
    RefKind::Response
);
