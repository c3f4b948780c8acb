use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `get` operation has a body or formData parameter
    ///
    /// ### Why
    /// GET requests carry no body: the platform cannot send a body or form fields with them. Use
    /// query parameters, or change the method to POST if the service really expects a body.
    ///
    /// ### Example
    /// Bad: `get` with `{"in": "body", ...}`
    /// Good: `post`, or `{"in": "query", ...}`.
    ///
    /// ### Evidence
    /// Calibration: the catalog infers an error, but DocuSign (certified, 2024) and Telegram Bot
    /// (independent publisher, 2024) were merged with a body parameter on a GET operation, so
    /// Microsoft's validator does not block on it; connkit warns.
    pub(crate) static BODY_OR_FORM_DATA_PARAMETER_IN_FETCH_OPERATION_NOT_ALLOWED: Rule {
        code: "BodyOrFormDataParameterInFetchOperationNotAllowed",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx).iter().filter(|o| o.method == "get") {
        for p in &op.params {
            if let Some(l @ ("body" | "formData")) = p.location {
                sink.emit(
                    p.pointer.clone(),
                    format!("GET operation {} has a '{l}' parameter", op.label()),
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
    fn fetch_with_body() {
        let d = with_param(json!({"name": "b", "in": "body", "schema": {}}));
        Tester::new(
            &BODY_OR_FORM_DATA_PARAMETER_IN_FETCH_OPERATION_NOT_ALLOWED,
            vec![with_param(
                json!({"name": "b", "in": "query", "type": "string"}),
            )],
            vec![fail(d).at([format!("{OP}/parameters/1")])],
        )
        .test();
    }
}
