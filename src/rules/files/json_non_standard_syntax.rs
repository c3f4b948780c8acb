use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// JSON5-style syntax: single quotes, unquoted names, hex or `+` numbers
    ///
    /// ### Why
    /// These are accepted by JavaScript and JSON5 but not by JSON readers. Use double quotes for
    /// every string and property name and plain decimal numbers.
    pub static JSON_NON_STANDARD_SYNTAX: Rule {
        code: "JsonNonStandardSyntax",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SRC_JSON,
        check: load_issues,
    }
}
