use super::*;

pub static MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO: Rule = Rule {
    code: "MultipleOfMustBeGreaterThanZero",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`multipleOf` is zero or negative",
    explanation: "`multipleOf` must be a number greater than 0.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            if let Some(m) = n.num("multipleOf")
                && m <= 0.0
            {
                sink.emit(
                    n.at("multipleOf"),
                    format!("multipleOf {m} must be greater than 0"),
                );
            }
        }
    },
};
