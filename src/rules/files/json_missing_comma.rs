use super::*;

pub static JSON_MISSING_COMMA: Rule = Rule {
    code: "JsonMissingComma",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two values without a comma between them",
    explanation: "Object members and array elements must be separated by commas. A missing \
comma usually comes from a hand edit or a bad merge; strict readers refuse the file. connkit \
assumes the comma and keeps checking.\n\nBad: `{\"a\": 1 \"b\": 2}`",
    source: SRC_JSON,
    check: load_issues,
};
