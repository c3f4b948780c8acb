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
        file: FileKind::Definition,
        source: SRC_JSON,
        check: load_issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn missing_comma() {
        let f = run_text(&JSON_MISSING_COMMA, "{\"a\": 1 \"b\": 2}");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 1);
        assert!(run_text(&JSON_MISSING_COMMA, "{\"a\": 1, \"b\": 2}").is_empty());
    }
}
