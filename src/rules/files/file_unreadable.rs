use super::*;

pub static FILE_UNREADABLE: Rule = Rule {
    code: "FileUnreadable",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Folder,
    summary: "A connector file or folder could not be read",
    explanation: "The operating system refused to read the file (permissions, a broken link, a \
folder where a file was expected). Nothing in it can be checked.",
    source: SRC_FILES,
    check: load_issues,
};
