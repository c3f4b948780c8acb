use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation `summary` contains one of / \ < > * % & ?
    ///
    /// ### Why
    /// Summaries become action names, which are used in URLs and expressions; Microsoft's validator
    /// rejects the characters `/ \ < > * % & ?` in them. Reword: "and" instead of `&`, "or" instead
    /// of `/`, no question marks.
    ///
    /// ### Example
    /// Bad: `"summary": "Create/update a task"`
    /// Good: `"summary": "Create or update a task"`
    pub(crate) static RESTRICTED_CHARACTERS_IN_SUMMARY: Rule {
        code: "RestrictedCharactersInSummary",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("Summary string contains any of the restricted characters [/\\<>*%&?]"),
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if let Some(s) = op.get("summary").and_then(Value::as_str) {
            let found: String = s
                .chars()
                .filter(|c| RESTRICTED_SUMMARY_CHARS.contains(c))
                .collect();
            if !found.is_empty() {
                sink.emit(
                    join(&op.pointer, "summary"),
                    format!(
                        "summary '{s}' contains restricted characters [{found}]; avoid [/\\<>*%&?]"
                    ),
                );
            }
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
    fn summary_characters() {
        let good = op_patch(json!({"summary": "Create or update a task"}));
        Tester::new(
            &RESTRICTED_CHARACTERS_IN_SUMMARY,
            vec![(good, Profile::Certified)],
            vec![
                fail((
                    op_patch(json!({"summary": "Create/update a task?"})),
                    Profile::Certified,
                ))
                .count(1)
                .then(|f| {
                    assert!(f[0].message.contains("[/?]"));
                }),
            ],
        )
        .test();
    }
}
