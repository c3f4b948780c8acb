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
    pub static PARAMETER_REFERENCE_NOT_FOUND: Rule {
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
        let f = run(&PARAMETER_REFERENCE_NOT_FOUND, d.clone());
        assert_eq!(pointers(&f), vec![format!("{OP}/parameters/0/$ref")]);
        assert_eq!(f[0].message, "reference '#/parameters/Top' does not exist");
        let good = patch(
            d,
            json!({"parameters": {"Top": {"name": "top", "in": "query", "type": "integer"}}}),
        );
        assert!(run(&PARAMETER_REFERENCE_NOT_FOUND, good).is_empty());
        // A reference into the wrong section is ParameterReferenceNotValid's.
        let d = with_op_parameters(json!([{"$ref": "#/definitions/Nope"}]));
        assert!(run(&PARAMETER_REFERENCE_NOT_FOUND, d).is_empty());
    }
}
