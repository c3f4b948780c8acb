use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connector file too large to be read (over 32 MiB)
    ///
    /// ### Why
    /// The platform refuses definitions over 1 MB, so a file many times larger is almost certainly
    /// not a connector file (a data dump, a build artefact). connkit does not read files over 32
    /// MiB, so that one hostile file cannot exhaust memory or time; the other files and connectors
    /// are still checked. Split very large connectors: the 1 MB limit is the platform's.
    pub static FILE_TOO_LARGE: Rule {
        code: "FileTooLarge",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Folder,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/faq",
        check: load_issues,
    }
}
