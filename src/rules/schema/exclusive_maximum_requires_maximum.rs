use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `exclusiveMaximum` without `maximum`
    ///
    /// ### Why
    /// In Swagger 2.0 `exclusiveMaximum` is a boolean that modifies `maximum`; alone it means
    /// nothing. Add `maximum` or remove it.
    pub static EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM: Rule {
        code: "ExclusiveMaximumRequiresMaximum",
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
    requires(sink, cx, "exclusiveMaximum", "maximum")
}
