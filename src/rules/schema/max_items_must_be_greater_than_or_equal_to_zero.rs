use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `maxItems` is negative
    ///
    /// ### Why
    /// A count of array items cannot be negative.
    pub static MAX_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MaxItemsMustBeGreaterThanOrEqualToZero",
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
    non_negative(sink, cx, "maxItems")
}
