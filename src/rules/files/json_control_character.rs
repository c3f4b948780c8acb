use super::*;

pub static JSON_CONTROL_CHARACTER: Rule = Rule {
    code: "JsonControlCharacter",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A raw control character (tab, newline…) inside a string",
    explanation: "Characters below U+0020 must be escaped inside JSON strings (`\\t`, `\\n`, \
`\\u0000`). A raw tab pasted into a description is the usual cause.",
    source: SRC_JSON,
    check: load_issues,
};
