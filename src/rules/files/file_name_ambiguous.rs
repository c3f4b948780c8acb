use super::*;

pub static FILE_NAME_AMBIGUOUS: Rule = Rule {
    code: "FileNameAmbiguous",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Folder,
    summary: "Two files that can be taken for the same connector file",
    explanation: "File names that differ only in letter case collide on Windows and macOS, and \
several `*.swagger.json` files leave it unclear which one is the definition. Keep one \
`apiDefinition.swagger.json`.",
    source: SRC_FILES,
    check: load_issues,
};
