use super::*;

pub static EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM: Rule = Rule {
    code: "ExclusiveMinimumRequiresMinimum",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`exclusiveMinimum` without `minimum`",
    explanation: "In Swagger 2.0 `exclusiveMinimum` is a boolean that modifies `minimum`; \
alone it means nothing. Add `minimum` or remove it.",
    source: SV,
    check: |cx, sink| requires(sink, cx, "exclusiveMinimum", "minimum"),
};
