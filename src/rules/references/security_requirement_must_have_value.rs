use super::*;

pub static SECURITY_REQUIREMENT_MUST_HAVE_VALUE: Rule = Rule {
    code: "SecurityRequirementMustHaveValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A security requirement whose value is not a list",
    explanation: "The value of each requirement is a list of scopes: `[]` for basic and API key \
schemes.",
    source: SV,
    check: |cx, sink| {
        for (at, name, v) in requirement_entries(cx) {
            if !v.is_array() {
                sink.emit(at, format!("requirement '{name}' must be a list (use [])"));
            }
        }
    },
};
