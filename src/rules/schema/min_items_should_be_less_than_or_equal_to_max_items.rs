use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minItems` is greater than `maxItems`
    ///
    /// ### Why
    /// With `minItems` above `maxItems` no array is valid.
    pub static MIN_ITEMS_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_ITEMS: Rule {
        code: "MinItemsShouldBeLessThanOrEqualToMaxItems",
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
    ordered(sink, cx, "minItems", "maxItems")
}
