use super::*;
use crate::rules::prelude::*;

/// Whether a letter belongs to the Latin script (ASCII, Latin-1, Latin Extended).
pub(super) fn latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

crate::declare_code! {
    /// A user-facing text is written in a non-Latin script
    ///
    /// ### Why
    /// Certified connectors are written in English; Microsoft translates the strings itself.
    /// connkit cannot tell English from French or German reliably offline, so it uses a
    /// deliberately conservative heuristic that only catches clear cases: a text (the title, the
    /// description, an operation's summary or description, a parameter's `x-ms-summary` or
    /// `description`) whose letters are mostly outside the Latin alphabet (Cyrillic, Greek,
    /// Chinese, Japanese, Korean, Arabic, Hebrew, Thai, …). Accented Latin letters and single
    /// foreign words (a product name, a place) never trigger it.
    ///
    /// ### Example
    /// Bad: `"summary": "Получить задачу"`
    /// Good: `"summary": "Get a task"`
    pub(crate) static VALUE_MUST_BE_IN_ENGLISH: Rule {
        code: "ValueMustBeInEnglish",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(r) = root(cx) else { return };
    let check = |v: &Value, at: &str, key: &str, sink: &mut Sink<'_>| {
        if let Some(s) = v.get(key).and_then(Value::as_str)
            && mostly_non_latin(s)
        {
            sink.emit(
                join(at, key),
                format!("'{key}' does not look like English text: '{}'", clip(s)),
            );
        }
    };
    if let Some(i) = r.get("info") {
        check(i, "/info", "title", sink);
        check(i, "/info", "description", sink);
    }
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for op in &sw.operations {
        check(op.value, &op.pointer, "summary", sink);
        check(op.value, &op.pointer, "description", sink);
    }
    for p in sw.param_nodes() {
        check(p.value, &p.pointer, "x-ms-summary", sink);
        check(p.value, &p.pointer, "description", sink);
    }
}

fn clip(s: &str) -> String {
    if chars(s) > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn english_heuristic() {
        assert!(mostly_non_latin("Получить задачу"));
        assert!(mostly_non_latin("タスクを取得"));
        assert!(!mostly_non_latin("Créer une tâche"));
        assert!(!mostly_non_latin("Get the Zürich 東京 office"));
        Tester::new(
            &VALUE_MUST_BE_IN_ENGLISH,
            vec![(
                op_patch(json!({"summary": "Créer une tâche"})),
                Profile::Certified,
            )],
            vec![
                fail((
                    op_patch(json!({"summary": "Получить задачу"})),
                    Profile::Certified,
                ))
                .at([format!("{OP}/summary")]),
            ],
        )
        .test();
    }
}
