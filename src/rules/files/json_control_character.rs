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
    ///
    /// ### Evidence
    /// A **warning** with gate advice, as for trailing commas (JsonTrailingComma): Microsoft's
    /// services read JSON with a lenient .NET reader that takes a raw tab inside a string.
    /// Definitions with one were merged after validation, repeatedly and since the pipeline's
    /// 2023-08 repair, in the other half of the public repository, and no Microsoft message about
    /// it is known (none on the visible history, which has no such file). Escape it anyway:
    /// strict readers (paconn's Python `json`, most editors) refuse the file.
    pub(crate) static JSON_CONTROL_CHARACTER: Rule {
        code: "JsonControlCharacter",
        severity: Severity::Warning,
        gate: Gate::Advice,
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
