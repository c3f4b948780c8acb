use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A root `parameters` entry that is itself a `$ref`
    ///
    /// ### Why
    /// Shared parameters must be written out; an entry of the root `parameters` may not point to
    /// another entry.
    ///
    /// ### Example
    /// Bad: `"parameters": {"P": {"$ref": "#/parameters/Q"}, "Q": {"name": "q", "in": "query", "type": "string"}}`
    /// Good: reference `#/parameters/Q` wherever `#/parameters/P` was used, and drop `P`
    pub(crate) static PARAMETER_REF_LOOP_NOT_ALLOWED: Rule {
        code: "ParameterRefLoopNotAllowed",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    ref_loop(cx, sink, "parameters", "parameter")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn shared_parameter_that_is_a_ref() {
        let d = patch(
            minimal(),
            json!({"parameters": {"P": {"$ref": "#/parameters/Q"}, "Q": {"name": "q", "in": "query", "type": "string"}}}),
        );
        let cycle = patch(
            minimal(),
            json!({"parameters": {"P": {"$ref": "#/parameters/Q"}, "Q": {"$ref": "#/parameters/P"}}}),
        );
        let good = patch(
            minimal(),
            json!({"parameters": {"Q": {"name": "q", "in": "query", "type": "string"}}}),
        );
        Tester::new(
            &PARAMETER_REF_LOOP_NOT_ALLOWED,
            vec![good],
            vec![
                fail(d).at(["/parameters/P/$ref"]).then(|f| {
                    assert!(
                        f[0].message
                            .contains("only a reference to another parameter")
                    );
                }),
                fail(cycle)
                    .at(["/parameters/P/$ref", "/parameters/Q/$ref"])
                    .then(|f| {
                        assert!(f[0].message.contains("reference cycle"));
                    }),
            ],
        )
        .test();
    }
}
