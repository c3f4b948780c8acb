use super::*;

ref_rule!(
    RESPONSE_REFERENCE_NOT_FOUND,
    "ResponseReferenceNotFound",
    "A `$ref` to a missing `#/responses/…` entry",
    "The referenced shared response does not exist under the root `responses`.",
    not_found,
    RefKind::Response
);
