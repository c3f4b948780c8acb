use super::*;

ref_rule!(
    SCHEMA_REFERENCE_NOT_FOUND,
    "SchemaReferenceNotFound",
    "A `$ref` to a missing `#/definitions/…` entry",
    "The referenced definition does not exist (often a typo or a renamed definition). Fix the name or add the definition.",
    not_found,
    RefKind::Schema
);
