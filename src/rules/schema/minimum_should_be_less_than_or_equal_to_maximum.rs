use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minimum` is greater than `maximum`
    ///
    /// ### Why
    /// With `minimum` above `maximum` no number is valid. Swap or fix the bounds.
    ///
    /// ### Example
    /// Bad: `{"minimum": 10, "maximum": 1}`
    pub static MINIMUM_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAXIMUM: Rule {
        code: "MinimumShouldBeLessThanOrEqualToMaximum",
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
    ordered(sink, cx, "minimum", "maximum")
}
