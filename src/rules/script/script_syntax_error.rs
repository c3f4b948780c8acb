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
    pub static SCRIPT_SYNTAX_ERROR: Rule {
        code: "ScriptSyntaxError",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Script,
        source: WC,
        check,
        fix: None,
    }
}

/// The most syntax errors listed per script: after a few, the rest are usually consequences
/// of the first.
pub const MAX_SYNTAX_ERRORS: usize = 10;

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
    use crate::rules::Profile;
    use crate::rules::testing::*;

    fn lines(text: &str) -> Vec<(usize, String)> {
        run_on(&SCRIPT_SYNTAX_ERROR, &with_script(text), Profile::Custom)
            .into_iter()
            .map(|f| (f.line, f.message))
            .collect()
    }

    #[test]
    fn a_valid_script_has_no_syntax_error() {
        assert!(lines(GOOD).is_empty());
    }

    #[test]
    fn an_incomplete_statement_is_reported_on_its_line() {
        let f = lines(&good_with("var seeded = ;"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, 14);
        assert!(f[0].1.starts_with("syntax error"), "{f:?}");
    }

    #[test]
    fn a_stray_slash_between_string_literals_is_an_error() {
        // The defect a certified script was merged with (fixed by the next merge): valid
        // syntax, but `/` does not apply to strings.
        let f = lines(&good_with(r#"var body = "{" / "}";"#));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, 14);
        assert!(f[0].1.contains("CS0019"));
        let f = lines(&good_with(r#"var body = "{" / / "}";"#));
        assert!(f.iter().any(|(l, _)| *l == 14), "{f:?}");
        assert!(lines(&good_with(r#"var body = "{" + "}" + $"{1 / 2}";"#)).is_empty());
    }

    #[test]
    fn a_missing_closing_brace_is_reported_at_the_end() {
        let text = GOOD.trim_end().strip_suffix('}').unwrap();
        let f = lines(text);
        assert!(!f.is_empty());
        assert!(f.iter().any(|(_, m)| m.contains("expected `}`")), "{f:?}");
    }

    #[test]
    fn a_missing_parenthesis_is_reported_on_its_line() {
        let text = GOOD.replace(
            "if (this.Context.OperationId == OpGetTask)",
            "if (this.Context.OperationId == OpGetTask",
        );
        let f = lines(&text);
        // The grammar does not say which token it expected here; the first error is on
        // the line of the defect.
        assert_eq!(f[0].0, 15, "{f:?}");
    }

    #[test]
    fn csharp_script_directives_are_not_errors() {
        let text = format!("#r \"Newtonsoft.Json\"\n#load \"helpers.csx\"\n{GOOD}");
        assert!(lines(&text).is_empty());
    }

    #[test]
    fn a_cascade_is_capped() {
        let text = format!("{GOOD}\n{}", "} } ; ) (\n".repeat(200));
        let f = lines(&text);
        assert!(f.len() <= MAX_SYNTAX_ERRORS + 1, "{}", f.len());
    }
}
