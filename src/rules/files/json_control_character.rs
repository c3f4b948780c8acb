use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A raw control character (tab, newline…) inside a string
    ///
    /// ### Why
    /// Characters below U+0020 must be escaped inside JSON strings (`\t`, `\n`, `\u0000`). A raw
    /// tab pasted into a description is the usual cause.
    ///
    /// ### Example
    /// Bad: `"description": "Gets a task<TAB>by its ID"` with a raw tab character
    /// Good: `"description": "Gets a task\tby its ID"`
    pub static JSON_CONTROL_CHARACTER: Rule {
        code: "JsonControlCharacter",
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
    fn raw_tab_in_string() {
        let f = run_text(&JSON_CONTROL_CHARACTER, "{\"a\": \"x\ty\"}");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column), (1, 9));
        assert!(run_text(&JSON_CONTROL_CHARACTER, "{\"a\": \"x\\ty\"}").is_empty());
    }
}
