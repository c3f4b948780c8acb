use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A schema `$ref` that does not point into `#/definitions/`
    ///
    /// ### Why
    /// Schemas may only reference entries of the root `definitions`.
    pub static SCHEMA_REFERENCE_NOT_VALID: Rule {
        code: "SchemaReferenceNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    not_valid(cx, sink, RefKind::Schema)
}
