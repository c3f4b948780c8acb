use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation `summary` is longer than 80 characters
    ///
    /// ### Why
    /// The summary is the action's name in the designer's card and list; long names are cut off.
    /// The certification documents and the string guidance cap it at 80 characters (the validator
    /// page mentions 120; connkit uses the stricter documented limit). Put detail in `description`.
    ///
    /// ### Example
    /// Bad: `"summary": "Get all of the tasks that belong to a project, including archived tasks
    /// and tasks shared with you"`
    /// Good: `"summary": "List project tasks"`
    pub(crate) static OPERATION_SUMMARY_TOO_LONG: Rule {
        code: "OperationSummaryTooLong",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if let Some(s) = op.get("summary").and_then(Value::as_str)
            && chars(s) > SUMMARY_MAX
        {
            sink.emit(
                join(&op.pointer, "summary"),
                format!(
                    "summary of {} is {} characters long; the limit is {SUMMARY_MAX}",
                    op.label(),
                    chars(s)
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
    fn summary_length() {
        let long = "a".repeat(81);
        Tester::new(
            &OPERATION_SUMMARY_TOO_LONG,
            vec![(
                op_patch(json!({"summary": "a".repeat(80)})),
                Profile::Certified,
            )],
            vec![
                fail((op_patch(json!({"summary": long})), Profile::Certified))
                    .at([format!("{OP}/summary")]),
            ],
        )
        .test();
    }
}
