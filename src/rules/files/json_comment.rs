use super::*;

pub static JSON_COMMENT: Rule = Rule {
    code: "JsonComment",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `//` or `/* */` comment in a JSON file",
    explanation: "JSON has no comments. Use a `description` field, or an `x-` extension for \
notes that must stay in the file.",
    source: SRC_JSON,
    check: load_issues,
};
