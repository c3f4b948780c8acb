use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A root `responses` entry that is itself a `$ref`
    ///
    /// ### Why
    /// Shared responses must be written out; an entry of the root `responses` may not point to
    /// another entry.
    ///
    /// ### Example
    /// Bad: `"responses": {"Ok": {"$ref": "#/responses/Done"}, "Done": {"description": "Done"}}`
    /// Good: reference `#/responses/Done` wherever `#/responses/Ok` was used, and drop `Ok`
    pub(crate) static RESPONSE_REF_LOOP_NOT_ALLOWED: Rule {
        code: "ResponseRefLoopNotAllowed",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    ref_loop(cx, sink, "responses", "response")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn shared_response_that_is_a_ref() {
        let d = patch(
            minimal(),
            json!({"responses": {"Ok": {"$ref": "#/responses/Done"}, "Done": {"description": "Done"}}}),
        );
        let cycle = patch(
            minimal(),
            json!({"responses": {"A": {"$ref": "#/responses/B"}, "B": {"$ref": "#/responses/A"}}}),
        );
        let good = patch(
            minimal(),
            json!({"responses": {"Done": {"description": "Done"}}}),
        );
        Tester::new(
            &RESPONSE_REF_LOOP_NOT_ALLOWED,
            vec![
                good,
            ],
            vec![
                fail(d).at(["/responses/Ok/$ref"]).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "response 'Ok' is only a reference to another response; reference the target directly"
                    );
                }),
                fail(cycle).at(["/responses/A/$ref", "/responses/B/$ref"]).then(|f| {
                    assert!(f[0].message.contains("reference cycle"));
                }),
            ],
        )
        .test();
    }
}
