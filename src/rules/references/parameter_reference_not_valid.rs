use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A parameter `$ref` that does not point into `#/parameters/`
    ///
    /// ### Why
    /// Entries of a `parameters` list may only reference entries of the root `parameters`.
    ///
    /// ### Example
    /// Bad: `"parameters": [{"$ref": "#/definitions/Top"}]`
    /// Good: `"parameters": [{"$ref": "#/parameters/Top"}]`
    pub(crate) static PARAMETER_REFERENCE_NOT_VALID: Rule {
        code: "ParameterReferenceNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    not_valid(cx, sink, RefKind::Parameter)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn parameter_ref_outside_parameters() {
        let d = patch(
            with_op_parameters(json!([{"$ref": "#/definitions/Top"}])),
            json!({"definitions": {"Top": {"type": "integer"}}}),
        );
        let good = patch(
            with_op_parameters(json!([{"$ref": "#/parameters/Top"}])),
            json!({"parameters": {"Top": {"name": "top", "in": "query", "type": "integer"}}}),
        );
        Tester::new(
            &PARAMETER_REFERENCE_NOT_VALID,
            vec![good],
            vec![fail(d).at([format!("{OP}/parameters/0/$ref")]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "reference '#/definitions/Top' must point into '#/parameters/'"
                );
            })],
        )
        .test();
    }
}
