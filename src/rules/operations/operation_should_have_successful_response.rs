use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// None of an operation's responses is a 2xx code
    ///
    /// ### Why
    /// The designer shows the outputs of the success response. Declare the 2xx code the service
    /// returns (200, 201, 202, 204…).
    ///
    /// ### Example
    /// Bad: `"responses": {"400": {"description": "Bad request"}, "2XX": {"description": "OK"}}`
    /// Good: `"responses": {"200": {"description": "OK"}, "400": {"description": "Bad request"}}`
    ///
    /// ### Evidence
    /// Calibration: a lone `default` response is accepted by the platform for operations that
    /// return nothing, so it is not reported.
    ///
    /// A **warning**. An official validator code, but no Microsoft message for it was ever quoted,
    /// and merges show it tolerated: 7 connectors merged validated operations whose only responses
    /// are 3xx (OAuth redirect endpoints), and iMIS (2023) operations with only 4xx/5xx responses.
    /// The designer then shows no outputs.
    pub(crate) static OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE: Rule {
        code: "OperationShouldHaveSuccessfulResponse",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let Some(m) = op.get("responses").and_then(Value::as_object) else {
            continue;
        };
        if m.is_empty()
            || m.keys().any(|k| {
                k.len() == 3 && k.starts_with('2') && k.bytes().all(|b| b.is_ascii_digit())
            })
            || m.keys()
                .filter(|k| !k.starts_with("x-"))
                .all(|k| k == "default")
        {
            continue;
        }
        sink.emit(
            join(&op.pointer, "responses"),
            format!("{} has no successful (2xx) response", op.label()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    fn with_responses(responses: Value) -> Value {
        let mut d = minimal();
        d.pointer_mut(OP).unwrap()["responses"] = responses;
        d
    }

    #[test]
    fn no_2xx_response() {
        Tester::new(
            &OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE,
            vec![
                minimal(),
                // A lone `default` is accepted.
                with_responses(json!({"default": {"description": "x"}})),
                // Vendor extensions beside it are not responses.
                with_responses(json!({"default": {"description": "x"}, "x-ms-summary": "y"})),
            ],
            vec![
                fail(with_responses(
                    json!({"400": {"description": "bad"}, "2XX": {"description": "x"}}),
                ))
                .at([format!("{OP}/responses")]),
            ],
        )
        .test();
    }
}
