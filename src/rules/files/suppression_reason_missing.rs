use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An inline x-connkit-ignore without a reason, or for a syntax finding, is not applied
    ///
    /// ### Why
    /// Like an `[[ignore]]` entry of connkit.toml, an inline suppression must say why the finding
    /// is acceptable: write `"x-connkit-ignore": {"codes": ["Code"], "reason": "why"}`. Without a
    /// reason it suppresses nothing. Findings about the file's syntax, encoding or reading
    /// (JsonComment, JsonTrailingComma, JsonSyntaxError, ...) cannot be suppressed inline at all:
    /// fix the file, or accept them in connkit.toml.
    ///
    /// ### Example
    /// Bad: `"x-connkit-ignore": ["OperationIdNotUnique"]`, or
    /// `"x-connkit-ignore": {"codes": ["JsonComment"], "reason": "…"}`
    /// Good: `"x-connkit-ignore": {"codes": ["OperationIdNotUnique"], "reason": "kept for old flows"}`
    pub(crate) static SUPPRESSION_REASON_MISSING: Rule {
        code: "SuppressionReasonMissing",
        severity: Severity::Warning,
        gate: Gate::Advice,
        file: FileKind::Definition,
        source: "https://github.com/connkit/connkit#suppressing-findings",
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let c = cx.connector;
    if !c.definition_may_contain(crate::model::ignore::KEY) {
        return;
    }
    let Some(root) = c.definition_value() else {
        return;
    };
    for e in crate::model::ignore::entries_in(root) {
        let at = crate::model::pointer::join(&e.pointer, crate::model::ignore::KEY);
        if e.reason.is_none() {
            sink.emit(
                    &at,
                    "x-connkit-ignore has no reason; it suppresses nothing until it says why (the object form with \"reason\")",
                );
        }
        let syntax: Vec<&str> = e
            .codes
            .iter()
            .map(String::as_str)
            .filter(|c| super::not_inline(c))
            .collect();
        if !syntax.is_empty() {
            sink.emit(
                    &at,
                    format!(
                        "{} cannot be suppressed inline (a file's syntax and reading are never hidden by its own content)",
                        syntax.join(", ")
                    ),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn reasons_and_syntax_codes() {
        let def = patch(
            minimal(),
            json!({"info": {"x-connkit-ignore": ["OperationIdNotUnique"]},
                   "paths": {"/tasks/{taskId}": {"get": {"x-connkit-ignore": {"codes": ["JsonComment"], "reason": "legacy"}}}}}),
        );
        let good = patch(
            minimal(),
            json!({"info": {"x-connkit-ignore": {"codes": ["OperationIdNotUnique"], "reason": "kept for old flows"}}}),
        );
        Tester::new(
            &SUPPRESSION_REASON_MISSING,
            vec![good],
            vec![
                fail(def)
                    .at([
                        "/info/x-connkit-ignore",
                        "/paths/~1tasks~1{taskId}/get/x-connkit-ignore",
                    ])
                    .then(|f| {
                        assert!(f[0].message.contains("has no reason"));
                        assert!(
                            f[1].message
                                .starts_with("JsonComment cannot be suppressed inline")
                        );
                    }),
            ],
        )
        .test();
    }
}
