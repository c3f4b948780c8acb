use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The title or an operation summary ends with punctuation or white space
    ///
    /// ### Why
    /// Titles and action names are labels, not sentences: they must end with a letter or digit — no
    /// full stop, colon, trailing space or line break.
    ///
    /// ### Example
    /// Bad: `"summary": "Get a task."`
    /// Good: `"summary": "Get a task"`
    ///
    /// ### Evidence
    /// Calibration: a closing parenthesis or bracket is accepted: Microsoft's own convention
    /// appends `(deprecated)` to summaries, and connectors changed in 2024 passed with titles such
    /// as `Revizto (Ireland)` and `Airtable [DEPRECATED]` (errors on connectors changed in 2024: 2
    /// before, 0 after).
    pub(crate) static VALUE_MUST_END_WITH_ALPHANUMERIC: Rule {
        code: "ValueMustEndWithAlphanumeric",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
        fix: Some(&FIX),
    }
}

static FIX: Fix = Fix {
    summary: "trim trailing spaces (only when that is the whole problem)",
    apply: fix,
};

fn fix(doc: &mut Value, ptr: &str) -> bool {
    let Some(v) = doc.pointer_mut(ptr) else {
        return false;
    };
    let Some(s) = v.as_str() else { return false };
    let t = s.trim_end();
    // Only when trimming is enough: what is left ends with a letter or digit.
    if t != s && t.chars().last().is_some_and(char::is_alphanumeric) {
        *v = Value::String(t.to_string());
        return true;
    }
    false
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(t) = info(cx)
        .and_then(|i| i.get("title"))
        .and_then(Value::as_str)
        && let Some(c) = t.chars().last()
        && !c.is_alphanumeric()
        && !matches!(c, ')' | ']')
    {
        sink.emit(
            "/info/title",
            format!("'title' must end with a letter or digit, not {c:?}"),
        );
    }
    for op in ops(cx) {
        if let Some(s) = op.get("summary").and_then(Value::as_str)
            && let Some(c) = s.chars().last()
            && !c.is_alphanumeric()
            && !matches!(c, ')' | ']')
        {
            sink.emit(
                join(&op.pointer, "summary"),
                format!(
                    "summary of {} must end with a letter or digit, not {c:?}",
                    op.label()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn ends_with_alphanumeric() {
        let def = patch(
            op_patch(json!({"summary": "Get a task."})),
            json!({"info": {"title": "Contoso "}}),
        );
        let ok = patch(
            op_patch(json!({"summary": "Get a task (deprecated)"})),
            json!({"info": {"title": "Contoso [DEPRECATED]"}}),
        );
        Tester::new(
            &VALUE_MUST_END_WITH_ALPHANUMERIC,
            vec![(ok, Profile::Certified)],
            vec![
                fail((def, Profile::Certified))
                    .at(["/info/title".to_string(), format!("{OP}/summary")]),
            ],
        )
        .test();
    }

    #[test]
    fn the_fix_trims_only_when_that_is_enough() {
        let mut d = json!({"t": "Tasks ", "u": "Tasks ."});
        assert!(fix(&mut d, "/t"));
        assert_eq!(d["t"], "Tasks");
        assert!(!fix(&mut d, "/u"), "trimming would not fix the '.'");
    }
}
