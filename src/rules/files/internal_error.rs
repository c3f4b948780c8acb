use super::*;

pub static INTERNAL_ERROR: Rule = Rule {
    code: "InternalError",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Folder,
    summary: "A connkit rule failed on this input (a connkit bug)",
    explanation: "A rule hit an unexpected condition. The other rules still ran. Please report \
it with the file that triggered it.\n\n\
Evidence: not a gate: a connkit bug. It is a warning so that a crash in one rule never fails \
a submission Microsoft would accept; please report it.",
    source: "https://github.com/connkit/connkit/issues",
    check: |_, _| {},
};
