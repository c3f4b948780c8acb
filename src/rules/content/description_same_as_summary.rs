use super::*;
use crate::rules::prelude::*;

fn normalized(s: &str) -> String {
    s.trim().trim_end_matches('.').trim().to_lowercase()
}

crate::declare_code! {
    /// An operation's description repeats its summary
    ///
    /// ### Why
    /// The summary names the action; the description is the tooltip that explains it. Reviewers
    /// send back connectors whose descriptions are copies of the summaries. Write a sentence that
    /// adds something (what is returned, what is required).
    ///
    /// ### Example
    /// Bad: `"summary": "Get a task", "description": "Get a task"`
    /// Good: `"description": "Gets one task by its identifier, with its assignee and due date."`
    pub(crate) static DESCRIPTION_SAME_AS_SUMMARY: Rule {
        code: "DescriptionSameAsSummary",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: STD,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if !shown(op) {
            continue;
        }
        if let (Some(s), Some(d)) = (
            op.get("summary").and_then(Value::as_str),
            op.get("description").and_then(Value::as_str),
        ) && !s.trim().is_empty()
            && normalized(s) == normalized(d)
        {
            sink.emit(
                join(&op.pointer, "description"),
                format!("description of {} repeats its summary", op.label()),
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
    fn repeated_description() {
        let def = op_patch(
            json!({"summary": "Get All Project Tasks", "description": "Get all project tasks."}),
        );
        Tester::new(
            &DESCRIPTION_SAME_AS_SUMMARY,
            vec![(cert(), Profile::Certified)],
            vec![fail((def, Profile::Certified)).at([format!("{OP}/description")])],
        )
        .test();
    }
}
