use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connector file or folder could not be read
    ///
    /// ### Why
    /// The operating system refused to read the file (permissions, a broken link, a folder where a
    /// file was expected). Nothing in it can be checked.
    pub static FILE_UNREADABLE: Rule {
        code: "FileUnreadable",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Folder,
        source: SRC_FILES,
        check: load_issues,
    }
}
