use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// JSON5-style syntax: single quotes, unquoted names, hex or `+` numbers
    ///
    /// ### Why
    /// These are accepted by JavaScript and JSON5 but not by JSON readers. Use double quotes for
    /// every string and property name and plain decimal numbers.
    ///
    /// ### Example
    /// Bad: `{'host': 'api.contoso.com'}` or `{host: "api.contoso.com"}`
    /// Good: `{"host": "api.contoso.com"}`
    pub(crate) static JSON_NON_STANDARD_SYNTAX: Rule {
        code: "JsonNonStandardSyntax",
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
    fn single_quotes() {
        Tester::new(
            &JSON_NON_STANDARD_SYNTAX,
            vec!["{\"host\": \"api.contoso.com\"}"],
            vec![fail("{'host': 'api.contoso.com'}").then(|f| {
                assert_eq!((f[0].line, f[0].column), (1, 2));
            })],
        )
        .test();
    }
}
