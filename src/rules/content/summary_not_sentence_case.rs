use super::*;
use crate::rules::prelude::*;

/// Title Case: at least three words and every word longer than three letters capitalised.
fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let long: Vec<&&str> = words
        .iter()
        .skip(1)
        .filter(|w| w.chars().count() > 3 && w.chars().all(char::is_alphabetic))
        .collect();
    words.len() >= 3
        && long.len() >= 2
        && long.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && !cs.all(char::is_uppercase)
        })
}

crate::declare_code! {
    /// An operation summary is written in Title Case
    ///
    /// ### Why
    /// The string guidance asks for sentence case in operation summaries (only the first word and
    /// proper nouns capitalised) and Title Case only in `x-ms-summary`. connkit flags a summary
    /// when every longer word after the first starts with a capital letter, which catches `Get All
    /// Project Tasks` but not `Get Contoso tasks`. A recommendation: reported as info.
    ///
    /// ### Example
    /// Bad: `"summary": "Get All Project Tasks"`
    /// Good: `"summary": "Get all project tasks"`
    pub(crate) static SUMMARY_NOT_SENTENCE_CASE: Rule {
        code: "SummaryNotSentenceCase",
        severity: Severity::Info,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SG,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if let Some(s) = op.get("summary").and_then(Value::as_str)
            && title_case(s)
        {
            sink.emit(
                join(&op.pointer, "summary"),
                format!("summary '{s}' is Title Case; use sentence case"),
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
    fn title_case_summary() {
        let def = op_patch(json!({"summary": "Get All Project Tasks"}));
        let good = op_patch(json!({"summary": "Get all project tasks"}));
        Tester::new(
            &SUMMARY_NOT_SENTENCE_CASE,
            vec![(good, Profile::Certified)],
            vec![fail((def, Profile::Certified)).at([format!("{OP}/summary")])],
        )
        .test();
    }
}
