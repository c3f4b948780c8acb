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
    pub(crate) static JSON_MISSING_COMMA: Rule {
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
        Tester::new(
            &JSON_MISSING_COMMA,
            vec!["{\"a\": 1, \"b\": 2}"],
            vec![fail("{\"a\": 1 \"b\": 2}").count(1).then(|f| {
                assert_eq!(f[0].line, 1);
            })],
        )
        .test();
    }
}
