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
    pub static OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE: Rule {
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

    #[test]
    fn no_2xx_response() {
        assert!(run(&OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE, minimal()).is_empty());
        let mut d = minimal();
        d.pointer_mut(OP).unwrap()["responses"] =
            json!({"400": {"description": "bad"}, "2XX": {"description": "x"}});
        assert_eq!(
            pointers(&run(&OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE, d.clone())),
            vec![format!("{OP}/responses")]
        );
        // A lone `default` is accepted.
        d.pointer_mut(OP).unwrap()["responses"] = json!({"default": {"description": "x"}});
        assert!(run(&OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE, d.clone()).is_empty());
        // Vendor extensions beside it are not responses.
        d.pointer_mut(OP).unwrap()["responses"] =
            json!({"default": {"description": "x"}, "x-ms-summary": "y"});
        assert!(run(&OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE, d).is_empty());
    }
}
