use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `exclusiveMinimum` without `minimum`
    ///
    /// ### Why
    /// In Swagger 2.0 `exclusiveMinimum` is a boolean that modifies `minimum`; alone it means
    /// nothing. Add `minimum` or remove it.
    pub static EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM: Rule {
        code: "ExclusiveMinimumRequiresMinimum",
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
    requires(sink, cx, "exclusiveMinimum", "minimum")
}
