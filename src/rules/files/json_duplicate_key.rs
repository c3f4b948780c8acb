use super::*;

pub static JSON_DUPLICATE_KEY: Rule = Rule {
    code: "JsonDuplicateKey",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An object has the same key twice; only the last is used",
    explanation: "JSON readers keep one of the values (the last one in .NET, Python and \
serde_json), so the earlier member is silently ignored. It is almost always a copy-paste \
mistake: remove or merge the duplicate.",
    source: SRC_JSON,
    check: load_issues,
};
