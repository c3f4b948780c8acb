use super::*;

ref_rule!(
    SCHEMA_REFERENCE_NOT_VALID,
    "SchemaReferenceNotValid",
    "A schema `$ref` that does not point into `#/definitions/`",
    "Schemas may only reference entries of the root `definitions`.",
    not_valid,
    RefKind::Schema
);
