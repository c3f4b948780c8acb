use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A comma before a closing `}` or `]`
    ///
    /// ### Why
    /// JSON does not allow a comma after the last member of an object or array. Some editors and
    /// .NET readers tolerate it, but `paconn` (Python's strict reader) and other tools refuse the
    /// file. connkit reads past it so the rest of the file is still checked.
    ///
    /// ### Example
    /// Bad: `{"a": 1,}`
    /// Good: `{"a": 1}`
    ///
    /// ### Evidence
    /// A **warning** with gate advice. Microsoft's pipeline and the platform read past trailing
    /// commas: validated merges of 16 connectors had them (2020–2024, one merged four times), so
    /// nothing stops the submission. Remove them anyway: paconn and most editors' JSON tools refuse
    /// the file.
    pub(crate) static JSON_TRAILING_COMMA: Rule {
        code: "JsonTrailingComma",
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
    fn syntax_issues_are_reported_at_their_position() {
        let text = "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"x\",},\n}";
        Tester::new(
            &JSON_TRAILING_COMMA,
            vec!["{\"swagger\": \"2.0\"}"],
            vec![fail(text).count(2).then(|f| {
                assert_eq!((f[0].line, f[0].column), (3, 24));
                assert_eq!((f[1].line, f[1].column), (3, 26));
            })],
        )
        .test();
    }
}
