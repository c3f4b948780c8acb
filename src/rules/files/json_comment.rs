use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `//` or `/* */` comment in a JSON file
    ///
    /// ### Why
    /// JSON has no comments. Use a `description` field, or an `x-` extension for notes that must
    /// stay in the file.
    ///
    /// ### Example
    /// Bad: `"host": "api.contoso.com", // production` or `/* production */ "host": "api.contoso.com",`
    /// Good: `"host": "api.contoso.com", "x-notes": "production",`
    pub(crate) static JSON_COMMENT: Rule {
        code: "JsonComment",
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
    fn comments() {
        Tester::new(
            &JSON_COMMENT,
            vec!["{\"swagger\": \"2.0 // not a comment\"}"],
            vec![
                fail("{\n \"swagger\": \"2.0\" // two\n}")
                    .count(1)
                    .then(|f| {
                        assert_eq!(f[0].line, 2);
                    }),
            ],
        )
        .test();
    }
}
