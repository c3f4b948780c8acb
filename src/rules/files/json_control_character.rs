use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A raw control character (tab, newline…) inside a string
    ///
    /// ### Why
    /// Characters below U+0020 must be escaped inside JSON strings (`\t`, `\n`, `\u0000`). A raw
    /// tab pasted into a description is the usual cause.
    pub static JSON_CONTROL_CHARACTER: Rule {
        code: "JsonControlCharacter",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SRC_JSON,
        check: load_issues,
    }
}
