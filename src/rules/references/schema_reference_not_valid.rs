use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A schema `$ref` that does not point into `#/definitions/`
    ///
    /// ### Why
    /// Schemas may only reference entries of the root `definitions`.
    ///
    /// ### Example
    /// Bad: `"schema": {"$ref": "#/parameters/Task"}`
    /// Good: `"schema": {"$ref": "#/definitions/Task"}`
    pub(crate) static SCHEMA_REFERENCE_NOT_VALID: Rule {
        code: "SchemaReferenceNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    not_valid(cx, sink, RefKind::Schema)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn schema_ref_outside_definitions() {
        let d = patch(
            minimal(),
            json!({"definitions": {"A": {"$ref": "#/definitions/Nope"}, "B": {"$ref": "#/parameters/X"}, "C": {"$ref": "http://x/y.json"}}}),
        );
        Tester::new(
            &SCHEMA_REFERENCE_NOT_VALID,
            vec![patch(
                minimal(),
                json!({"definitions": {"B": {"$ref": "#/definitions/Task"}}}),
            )],
            vec![
                // A missing target and a remote reference are other rules' findings.
                fail(d).at(["/definitions/B/$ref"]).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "reference '#/parameters/X' must point into '#/definitions/'"
                    );
                }),
            ],
        )
        .test();
    }
}
