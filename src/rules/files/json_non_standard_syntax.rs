use super::*;

pub static JSON_NON_STANDARD_SYNTAX: Rule = Rule {
    code: "JsonNonStandardSyntax",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "JSON5-style syntax: single quotes, unquoted names, hex or `+` numbers",
    explanation: "These are accepted by JavaScript and JSON5 but not by JSON readers. Use double \
quotes for every string and property name and plain decimal numbers.",
    source: SRC_JSON,
    check: load_issues,
};
