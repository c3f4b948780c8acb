use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A definition whose `$ref` chain comes back to itself
    ///
    /// ### Why
    /// `A → B → A` with nothing but references never reaches a schema. (Recursive schemas through
    /// `properties` or `items` are fine.)
    ///
    /// ### Example
    /// Bad: `"definitions": {"A": {"$ref": "#/definitions/B"}, "B": {"$ref": "#/definitions/A"}}`
    /// Good: `"definitions": {"A": {"$ref": "#/definitions/B"}, "B": {"type": "object"}}`
    ///
    /// ### Evidence
    /// Calibration: a definition that is only a `$ref` to another definition (an alias) is accepted
    /// in connectors Microsoft certified, so only cycles are reported, and chains of more than 64
    /// aliases (reported once, at the first), which connkit does not follow further.
    pub(crate) static SCHEMA_REF_LOOP_NOT_ALLOWED: Rule {
        code: "SchemaRefLoopNotAllowed",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    ref_loop(cx, sink, "definitions", "definition")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn definition_cycle() {
        let d = patch(
            minimal(),
            json!({"definitions": {"A": {"$ref": "#/definitions/B"}, "B": {"$ref": "#/definitions/A"}, "Alias": {"$ref": "#/definitions/Task"}}}),
        );
        Tester::new(
            &SCHEMA_REF_LOOP_NOT_ALLOWED,
            vec![patch(
                minimal(),
                json!({"definitions": {"Alias": {"$ref": "#/definitions/Task"}}}),
            )],
            vec![
                fail(d)
                    .at(["/definitions/A/$ref", "/definitions/B/$ref"])
                    .then(|f| {
                        assert!(f[0].message.contains("reference cycle"));
                    }),
            ],
        )
        .test();
    }
}
