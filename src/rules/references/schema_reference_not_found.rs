use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `$ref` to a missing `#/definitions/…` entry
    ///
    /// ### Why
    /// The referenced definition does not exist (often a typo or a renamed definition). Fix the
    /// name or add the definition.
    ///
    /// ### Example
    /// Bad: `{"$ref": "#/definitions/Taks"}` (no such definition)
    /// Good: `{"$ref": "#/definitions/Task"}`
    pub(crate) static SCHEMA_REFERENCE_NOT_FOUND: Rule {
        code: "SchemaReferenceNotFound",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    not_found(cx, sink, RefKind::Schema)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn missing_definition() {
        let d = patch(
            minimal(),
            json!({"definitions": {"A": {"$ref": "#/definitions/Taks"}, "B": {"$ref": "#/definitions/Task"}}}),
        );
        Tester::new(
            &SCHEMA_REFERENCE_NOT_FOUND,
            vec![patch(
                minimal(),
                json!({"definitions": {"B": {"$ref": "#/definitions/Task"}}}),
            )],
            vec![fail(d).at(["/definitions/A/$ref"]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "reference '#/definitions/Taks' does not exist"
                );
            })],
        )
        .test();
    }
}
