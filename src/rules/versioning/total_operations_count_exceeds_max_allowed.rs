use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than 256 operations in one definition
    ///
    /// ### Why
    /// A connector may define at most 256 operations (Microsoft's published limit). Split it into
    /// several connectors or remove unused operations.
    pub static TOTAL_OPERATIONS_COUNT_EXCEEDS_MAX_ALLOWED: Rule {
        code: "TotalOperationsCountExceedsMaxAllowed",
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
    let n = ops(cx).len();
    if n > MAX_OPERATIONS {
        sink.emit(
            "/paths",
            format!("{n} operations exceed the limit of {MAX_OPERATIONS}"),
        );
    }
}
