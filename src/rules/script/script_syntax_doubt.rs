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
    /// `ScriptSyntaxError`. A script the parser gives up on (after 2 seconds: hostile input)
    /// is also reported here, as not checked.
    ///
    /// ### Example
    /// Doubt: `new JObject { [field.Key] = value }` where the grammar stumbles on `field`.
    /// Certain: rename the variable (`[entry.Key] = value`), which parses everywhere.
    ///
    /// ### Evidence
    /// A **warning**: a grammar-only doubt, not a gate. Zellis (certified, merged 2023) indexes
    /// an object initializer with a variable named `field` (`[field.Key] = …`), which the
    /// grammar reads as an attribute target; it is the only merged script version (of 118)
    /// with a doubt, and no merged version has a `ScriptSyntaxError`.
    pub(crate) static SCRIPT_SYNTAX_DOUBT: Rule {
        code: "ScriptSyntaxDoubt",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(script) = cx.connector.script.as_ref() else {
        return;
    };
    let Some(s) = model(cx) else { return };
    if !s.0.parsed {
        // Too large scripts are ScriptTooLarge's; a parse that ran out of time is said here.
        if script.text.len() <= crate::scripts::MAX_PARSE_BYTES {
            sink.emit_at_offset(
                FileKind::Script,
                0,
                "connkit could not parse the script in time: it was not checked",
            );
        }
        return;
    }
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
    fn field_as_an_indexer_in_an_initializer_is_a_doubt_not_an_error() {
        // As Zellis (certified, 2023) writes it: valid C#, a parse error for the grammar.
        let text = good_with(
            "foreach (var field in fields) { o.Merge(new JObject() { [field.Key] = field.Value, }); }",
        );
        let same = text.clone();
        Tester::new(
            &SCRIPT_SYNTAX_DOUBT,
            vec![
                script(GOOD),
                // `field` as an ordinary identifier where the grammar accepts it.
                script(&good_with(
                    "foreach (var field in fields) { o[field.Key] = field.Value; }",
                )),
            ],
            vec![fail(script(&text)).then(move |f| {
                assert!(
                    f.iter()
                        .all(|f| f.line == 14 && f.severity == Severity::Warning),
                    "{f:?}"
                );
                // The same script has no syntax error: the doubt replaces it.
                let c = with_script(&same);
                assert!(run_on(&SCRIPT_SYNTAX_ERROR, &c, Profile::Custom).is_empty());
            })],
        )
        .test();
    }
}
