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
        Tester::new(
            &JSON_CONTROL_CHARACTER,
            vec!["{\"a\": \"x\\ty\"}"],
            vec![fail("{\"a\": \"x\ty\"}").count(1).then(|f| {
                assert_eq!((f[0].line, f[0].column), (1, 9));
            })],
        )
        .test();
    }
}
