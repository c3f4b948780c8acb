use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `$ref` to a missing `#/parameters/…` entry
    ///
    /// ### Why
    /// The referenced shared parameter does not exist under the root `parameters`.
    ///
    /// ### Example
    /// Bad: `"parameters": [{"$ref": "#/parameters/Top"}]` with no root `parameters.Top`
    /// Good: add `"parameters": {"Top": {"name": "top", "in": "query", "type": "integer"}}` at the root
    pub(crate) static PARAMETER_REFERENCE_NOT_FOUND: Rule {
        code: "ParameterReferenceNotFound",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    not_found(cx, sink, RefKind::Parameter)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn missing_shared_parameter() {
        let d = with_op_parameters(json!([{"$ref": "#/parameters/Top"}]));
        let good = patch(
            d.clone(),
            json!({"parameters": {"Top": {"name": "top", "in": "query", "type": "integer"}}}),
        );
        Tester::new(
            &PARAMETER_REFERENCE_NOT_FOUND,
            vec![
                good,
                // A reference into the wrong section is ParameterReferenceNotValid's.
                with_op_parameters(json!([{"$ref": "#/definitions/Nope"}])),
            ],
            vec![fail(d).at([format!("{OP}/parameters/0/$ref")]).then(|f| {
                assert_eq!(f[0].message, "reference '#/parameters/Top' does not exist");
            })],
        )
        .test();
    }
}
