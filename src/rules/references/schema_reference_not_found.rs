use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `$ref` to a missing `#/definitions/…` entry
    ///
    /// ### Why
    /// The referenced definition does not exist (often a typo or a renamed definition). Fix the
    /// name or add the definition.
    pub static SCHEMA_REFERENCE_NOT_FOUND: Rule {
        code: "SchemaReferenceNotFound",
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
    not_found(cx, sink, RefKind::Schema)
}
