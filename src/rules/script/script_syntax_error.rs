use super::*;
use crate::rules::prelude::*;
use crate::scripts::ErrorKind;

crate::declare_code! {
    /// script.csx has a C# syntax error
    ///
    /// ### Why
    /// The platform compiles the script when the connector is created or updated. A script
    /// that does not compile is refused, and the maker portal shows only an "internal server
    /// error" with no line number. connkit parses the script with a C# grammar
    /// (tree-sitter-c-sharp) and reports where the grammar fails: the token it expected
    /// (`}`, `;`, `)`) where it knows it, else the text it could not place. After the first
    /// errors of a file, later ones are often consequences: fix the first one first. One
    /// defect that is valid syntax is reported too, because it never compiles: `-`, `*`, `/`
    /// or `%` between two string literals (CS0019).
    ///
    /// ### Example
    /// Bad:
    /// ```csharp
    /// var body = "{" / "}";      // a stray `/` between two string literals
    /// if (this.Context.OperationId == "GetTask"   // `)` missing
    /// ```
    /// Good:
    /// ```csharp
    /// var body = "{" + "}";
    /// if (this.Context.OperationId == "GetTask")
    /// ```
    ///
    /// ### Evidence
    /// An **error**: the platform's compile stops the script (`Gate::Platform`). Over the 118
    /// script versions Microsoft merged (../shared/corpus/history, 48 connectors), it fires on
    /// the scripts that really do not compile (docs/scripts.md lists them) and nowhere else.
    /// Constructs the grammar lacks but the compiler accepts (C# script directives such as
    /// `#r "Newtonsoft.Json"`) are recognised before parsing; parse errors the grammar is
    /// known to raise on valid C# are reported as `ScriptSyntaxDoubt`, a warning.
    pub(crate) static SCRIPT_SYNTAX_ERROR: Rule {
        code: "ScriptSyntaxError",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

/// The most syntax errors listed per script: after a few, the rest are usually consequences
/// of the first.
pub(crate) const MAX_SYNTAX_ERRORS: usize = 10;

/// The message of a syntax error.
pub(super) fn describe(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::Missing(token) => format!("syntax error: expected `{token}`"),
        ErrorKind::Unexpected(text) if text.trim().is_empty() => {
            "syntax error: the C# grammar cannot place the code here".to_string()
        }
        ErrorKind::Unexpected(text) => format!("syntax error: unexpected `{}`", text.trim()),
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    let text = cx.connector.script.as_ref().map_or("", |f| f.text.as_str());
    let errors: Vec<_> =
        s.0.errors
            .iter()
            .filter(|e| grammar_doubt(text, e).is_none())
            .collect();
    for e in errors.iter().take(MAX_SYNTAX_ERRORS) {
        sink.emit_at_offset(FileKind::Script, e.offset, describe(&e.kind));
    }
    for (offset, op) in s.0.string_arithmetic.iter().take(MAX_SYNTAX_ERRORS) {
        sink.emit_at_offset(
            FileKind::Script,
            *offset,
            format!("`{op}` between two strings does not compile (CS0019): a stray operator?"),
        );
    }
    if errors.len() > MAX_SYNTAX_ERRORS
        && let Some(e) = errors.get(MAX_SYNTAX_ERRORS)
    {
        sink.emit_at_offset(
            FileKind::Script,
            e.offset,
            format!(
                "{} more syntax errors not listed (often consequences of the first)",
                errors.len() - MAX_SYNTAX_ERRORS
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn syntax_errors_are_reported_on_their_line() {
        Tester::new(
            &SCRIPT_SYNTAX_ERROR,
            vec![
                script(GOOD),
                // `/` inside an interpolation, between numbers.
                script(&good_with(r#"var body = "{" + "}" + $"{1 / 2}";"#)),
                // C# script directives are not errors.
                script(&format!(
                    "#r \"Newtonsoft.Json\"\n#load \"helpers.csx\"\n{GOOD}"
                )),
            ],
            vec![
                // An incomplete statement.
                fail(script(&good_with("var seeded = ;")))
                    .count(1)
                    .then(|f| {
                        assert_eq!(f[0].line, 14, "{f:?}");
                        assert!(f[0].message.starts_with("syntax error"), "{f:?}");
                    }),
                // The defect a certified script was merged with (fixed by the next merge):
                // valid syntax, but `/` does not apply to strings.
                fail(script(&good_with(r#"var body = "{" / "}";"#)))
                    .count(1)
                    .then(|f| {
                        assert_eq!(f[0].line, 14, "{f:?}");
                        assert!(f[0].message.contains("CS0019"), "{f:?}");
                    }),
                fail(script(&good_with(r#"var body = "{" / / "}";"#))).then(|f| {
                    assert!(f.iter().any(|f| f.line == 14), "{f:?}");
                }),
                // A missing closing brace is reported at the end.
                fail(script(GOOD.trim_end().strip_suffix('}').unwrap())).then(|f| {
                    assert!(
                        f.iter().any(|f| f.message.contains("expected `}`")),
                        "{f:?}"
                    );
                }),
                // A missing parenthesis: the grammar does not say which token it expected
                // here; the first error is on the line of the defect.
                fail(script(&GOOD.replace(
                    "if (this.Context.OperationId == OpGetTask)",
                    "if (this.Context.OperationId == OpGetTask",
                )))
                .then(|f| assert_eq!(f[0].line, 15, "{f:?}")),
                // A cascade is capped.
                fail(script(&format!("{GOOD}\n{}", "} } ; ) (\n".repeat(200)))).then(|f| {
                    assert!(f.len() <= MAX_SYNTAX_ERRORS + 1, "{}", f.len());
                }),
            ],
        )
        .test();
    }
}
