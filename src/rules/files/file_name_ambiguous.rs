use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two files that can be taken for the same connector file
    ///
    /// ### Why
    /// File names that differ only in letter case collide on Windows and macOS, and several
    /// `*.swagger.json` files leave it unclear which one is the definition. Keep one
    /// `apiDefinition.swagger.json`.
    pub static FILE_NAME_AMBIGUOUS: Rule {
        code: "FileNameAmbiguous",
        severity: Severity::Warning,
        gate: Gate::Advice,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Folder,
        source: SRC_FILES,
        check: load_issues,
    }
}
