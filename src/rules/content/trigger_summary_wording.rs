use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A trigger's summary does not start with "When"
    ///
    /// ### Why
    /// Triggers are named by the event that starts the flow: "When a task is created", "When an
    /// item is modified". The string guidance asks for this wording so users can tell triggers from
    /// actions at a glance. A recommendation: reported as info.
    ///
    /// ### Example
    /// Bad: `"x-ms-trigger": "single", "summary": "Task created"`
    /// Good: `"x-ms-trigger": "single", "summary": "When a task is created"`
    pub(crate) static TRIGGER_SUMMARY_WORDING: Rule {
        code: "TriggerSummaryWording",
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
        if !op.is_trigger() || !shown(op) {
            continue;
        }
        if let Some(s) = op.get("summary").and_then(Value::as_str)
            && !s.trim().is_empty()
            && !s.trim_start().to_lowercase().starts_with("when ")
        {
            sink.emit(
                    join(&op.pointer, "summary"),
                    format!("trigger summary '{s}' should start with \"When\" (e.g. \"When a task is created\")"),
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
    fn trigger_wording() {
        let trig = op_patch(json!({"x-ms-trigger": "single", "summary": "Task created"}));
        let trig_2 =
            op_patch(json!({"x-ms-trigger": "single", "summary": "When a task is created"}));
        Tester::new(
            &TRIGGER_SUMMARY_WORDING,
            vec![(trig_2, Profile::Certified)],
            vec![fail((trig, Profile::Certified)).at([format!("{OP}/summary")])],
        )
        .test();
    }
}
