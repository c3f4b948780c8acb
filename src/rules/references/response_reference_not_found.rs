use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `$ref` to a missing `#/responses/…` entry
    ///
    /// ### Why
    /// The referenced shared response does not exist under the root `responses`.
    ///
    /// ### Example
    /// Bad: `"200": {"$ref": "#/responses/Done"}` with no root `responses.Done`
    /// Good: add `"responses": {"Done": {"description": "Done"}}` at the root
    pub(crate) static RESPONSE_REFERENCE_NOT_FOUND: Rule {
        code: "ResponseReferenceNotFound",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    not_found(cx, sink, RefKind::Response)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn missing_shared_response() {
        let d = with_op_responses(json!({"200": {"$ref": "#/responses/Done"}}));
        let f = run(&RESPONSE_REFERENCE_NOT_FOUND, d.clone());
        assert_eq!(pointers(&f), vec![format!("{OP}/responses/200/$ref")]);
        assert_eq!(f[0].message, "reference '#/responses/Done' does not exist");
        let good = patch(d, json!({"responses": {"Done": {"description": "Done"}}}));
        assert!(run(&RESPONSE_REFERENCE_NOT_FOUND, good).is_empty());
    }

    #[test]
    fn the_default_response_is_a_response_not_a_default_value() {
        let d = with_op_responses(json!({
            "200": {"description": "OK"},
            "default": {"$ref": "#/responses/Nope"}
        }));
        // A schema's `default` value is data: a `$ref` key inside it is not a reference.
        let d_2 = with_op_responses(json!({"200": {"description": "OK", "schema": {
            "type": "object", "default": {"$ref": "#/responses/Nope"}
        }}}));
        Tester::new(
            &RESPONSE_REFERENCE_NOT_FOUND,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/responses/default/$ref")])],
        )
        .test();
    }
}
