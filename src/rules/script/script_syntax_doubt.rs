use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx has a parse error where the C# grammar is known to differ from the compiler
    ///
    /// ### Why
    /// connkit parses scripts with tree-sitter-c-sharp, a grammar, not the C# compiler. In a
    /// few constructs the grammar is stricter than the compiler: `field` used as an ordinary
    /// identifier (a contextual keyword only inside property accessors since C# 14). A parse
    /// error there may not be a compile error, so it is reported as a doubt to check, not as
    /// `ScriptSyntaxError`.
    ///
    /// ### Example
    /// Doubt: `var field = item["field"];` where the grammar stumbles on `field`.
    /// Certain: rename the variable (`var fieldName = …`), which compiles everywhere.
    ///
    /// ### Evidence
    /// A **warning**: a grammar-only doubt, not a gate. Scripts Microsoft merged use `field`
    /// as a variable name (Blackbaud, DocuSign and others: 13 merged versions) and run.
    pub static SCRIPT_SYNTAX_DOUBT: Rule {
        code: "ScriptSyntaxDoubt",
        severity: Severity::Warning,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Script,
        source: WC,
        check,
        fix: None,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    let text = cx.connector.script.as_ref().map_or("", |f| f.text.as_str());
    for e in s.0.errors.iter().take(MAX_SYNTAX_ERRORS) {
        if let Some(why) = grammar_doubt(text, e) {
            sink.emit_at_offset(
                FileKind::Script,
                e.offset,
                format!(
                    "{}; {why}: check that the script compiles",
                    super::script_syntax_error::describe(&e.kind)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn a_valid_script_has_no_doubt() {
        assert!(run_on(&SCRIPT_SYNTAX_DOUBT, &with_script(GOOD), Profile::Custom).is_empty());
    }
}
