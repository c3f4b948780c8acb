use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation with no responses
    ///
    /// ### Why
    /// Every operation declares at least one response, normally the success code with its schema
    /// plus `default`.
    ///
    /// ### Example
    /// Bad: `"post": {"operationId": "CreateTask", "responses": {}}`
    /// Good: `"responses": {"201": {"description": "Created"}, "default": {"description": "Error"}}`
    ///
    /// ### Evidence
    /// Calibration: for a trigger's registration operation the finding is a warning. Its response
    /// is never shown to users, and certified connectors changed in 2024 (PDF4me Connect, Power
    /// Textor) passed with `"responses": {}` on webhook registrations. Actions keep the error.
    ///
    /// An error. On the visible merged history (1,055 versions of 528 connectors) its errors are
    /// in 3 versions of 1 connector, AzureIoTCentral's internal schema operations in the bulk
    /// merges of 2020–2021 (no pull request, so no pipeline run); none of the 761 validated
    /// versions merged since 2022 has it at error level.
    pub(crate) static OPERATION_MUST_HAVE_RESPONSE: Rule {
        code: "OperationMustHaveResponse",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if !op.value.is_object() {
            continue;
        }
        let sev = if op.is_trigger() {
            Severity::Warning
        } else {
            Severity::Error
        };
        let msg = format!("{} has no responses", op.label());
        let at = match op.get("responses") {
            Some(Value::Object(m)) if !m.is_empty() => continue,
            Some(_) => join(&op.pointer, "responses"),
            None => op.pointer.clone(),
        };
        sink.emit_with(sev, FileKind::Definition, at, msg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn trigger_without_responses_is_a_warning_action_an_error() {
        let d = patch(
            minimal(),
            json!({"paths": {"/hook": {"post": {"operationId": "OnX", "x-ms-trigger": "single", "responses": {}}},
                             "/act": {"post": {"operationId": "DoX", "responses": {}}}}}),
        );
        Tester::fails(
            &OPERATION_MUST_HAVE_RESPONSE,
            vec![fail(d).then(|f| {
                let sev: Vec<_> = f.iter().map(|x| (x.pointer.as_str(), x.severity)).collect();
                assert!(
                    sev.contains(&("/paths/~1hook/post/responses", Severity::Warning)),
                    "{sev:?}"
                );
                assert!(
                    sev.contains(&("/paths/~1act/post/responses", Severity::Error)),
                    "{sev:?}"
                );
            })],
        )
        .test();
    }

    #[test]
    fn empty_responses() {
        let mut d = minimal();
        d.pointer_mut("/paths/~1tasks~1{taskId}/get").unwrap()["responses"] = json!({});
        Tester::new(
            &OPERATION_MUST_HAVE_RESPONSE,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1tasks~1{taskId}/get/responses"])],
        )
        .test();
    }
}
