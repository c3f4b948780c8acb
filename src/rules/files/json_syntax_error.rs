use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The file is not valid JSON and cannot be read further
    ///
    /// ### Why
    /// The text breaks JSON syntax in a way that cannot be recovered (an unexpected token, an
    /// unclosed bracket, an empty file), so no rule can check its content. Microsoft's validators
    /// reject the file outright. The finding points at the first character that cannot be
    /// understood; fix it and lint again.
    ///
    /// ### Example
    /// Bad: `{"swagger": "2.0" ]`
    /// Good: `{"swagger": "2.0"}`
    pub(crate) static JSON_SYNTAX_ERROR: Rule {
        code: "JsonSyntaxError",
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
    fn unrecoverable_json() {
        Tester::new(
            &JSON_SYNTAX_ERROR,
            vec!["{}"],
            vec![fail("{\n \"swagger\": \"2.0\"\n ]\n}").count(1).then(|f| {
                assert_eq!(f[0].line, 3);
            })],
        )
        .test();
    }
}
