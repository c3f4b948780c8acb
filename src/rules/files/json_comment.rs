use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `//` or `/* */` comment in a JSON file
    ///
    /// ### Why
    /// JSON has no comments. Use a `description` field, or an `x-` extension for notes that must
    /// stay in the file.
    pub static JSON_COMMENT: Rule {
        code: "JsonComment",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SRC_JSON,
        check: load_issues,
    }
}
