use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The file is not UTF-8 (UTF-16, or invalid byte sequences)
    ///
    /// ### Why
    /// Microsoft's pipeline and paconn read every file as UTF-8 (a byte-order mark is accepted).
    /// UTF-16 files and stray Windows-1252 bytes produce garbled text or outright failures. The
    /// finding names the byte offset of the first bad byte; re-save the file as UTF-8.
    pub static FILE_ENCODING_NOT_UTF8: Rule {
        code: "FileEncodingNotUtf8",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/619",
        check: load_issues,
    }
}
