use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minProperties` is negative
    ///
    /// ### Why
    /// A count of object properties cannot be negative.
    pub static MIN_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MinPropertiesMustBeGreaterThanOrEqualToZero",
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
    non_negative(sink, cx, "minProperties")
}
