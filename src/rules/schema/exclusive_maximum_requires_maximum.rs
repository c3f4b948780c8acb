use super::*;

pub static EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM: Rule = Rule {
    code: "ExclusiveMaximumRequiresMaximum",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`exclusiveMaximum` without `maximum`",
    explanation: "In Swagger 2.0 `exclusiveMaximum` is a boolean that modifies `maximum`; \
alone it means nothing. Add `maximum` or remove it.",
    source: SV,
    check: |cx, sink| requires(sink, cx, "exclusiveMaximum", "maximum"),
};
