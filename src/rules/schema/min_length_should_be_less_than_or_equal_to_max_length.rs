use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minLength` is greater than `maxLength`
    ///
    /// ### Why
    /// With `minLength` above `maxLength` no string is valid.
    pub static MIN_LENGTH_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_LENGTH: Rule {
        code: "MinLengthShouldBeLessThanOrEqualToMaxLength",
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
    ordered(sink, cx, "minLength", "maxLength")
}
