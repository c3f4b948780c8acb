use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two values without a comma between them
    ///
    /// ### Why
    /// Object members and array elements must be separated by commas. A missing comma usually comes
    /// from a hand edit or a bad merge; strict readers refuse the file. connkit assumes the comma
    /// and keeps checking.
    ///
    /// ### Example
    /// Bad: `{"a": 1 "b": 2}`
    pub static JSON_MISSING_COMMA: Rule {
        code: "JsonMissingComma",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SRC_JSON,
        check: load_issues,
    }
}
