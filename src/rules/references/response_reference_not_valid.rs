use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A response `$ref` that does not point into `#/responses/`
    ///
    /// ### Why
    /// Responses may only reference entries of the root `responses`.
    ///
    /// ### Example
    /// Bad: `"200": {"$ref": "#/definitions/Task"}`
    /// Good: `"200": {"description": "OK", "schema": {"$ref": "#/definitions/Task"}}`
    pub(crate) static RESPONSE_REFERENCE_NOT_VALID: Rule {
        code: "ResponseReferenceNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    not_valid(cx, sink, RefKind::Response)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn response_ref_outside_responses() {
        // The Bad example.
        let d = with_op_responses(json!({"200": {"$ref": "#/definitions/Task"}}));
        // The Good example: the schema's `$ref` is a schema reference.
        let good = with_op_responses(
            json!({"200": {"description": "OK", "schema": {"$ref": "#/definitions/Task"}}}),
        );
        Tester::new(
            &RESPONSE_REFERENCE_NOT_VALID,
            vec![good],
            vec![fail(d).at([format!("{OP}/responses/200/$ref")]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "reference '#/definitions/Task' must point into '#/responses/'"
                );
            })],
        )
        .test();
    }
}
