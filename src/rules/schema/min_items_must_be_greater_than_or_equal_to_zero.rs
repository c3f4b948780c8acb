use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minItems` is negative
    ///
    /// ### Why
    /// A count of array items cannot be negative; use 0 (or remove the key) for no minimum.
    pub static MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MinItemsMustBeGreaterThanOrEqualToZero",
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
    non_negative(sink, cx, "minItems")
}
