use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minLength` is negative
    ///
    /// ### Why
    /// A string length cannot be negative; use 0 (or remove the key) for no minimum.
    pub static MIN_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MinLengthMustBeGreaterThanOrEqualToZero",
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
    non_negative(sink, cx, "minLength")
}
