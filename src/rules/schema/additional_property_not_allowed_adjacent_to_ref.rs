use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An object with `$ref` also has other keys
    ///
    /// ### Why
    /// A `$ref` object stands for its target: every other key beside it is ignored by JSON Schema
    /// and refused by the validator. Extensions (`x-…`) are tolerated. Move the sibling (often a
    /// `description`) into the target, or wrap the reference in `allOf`.
    ///
    /// ### Example
    /// Bad: `{"$ref": "#/definitions/Task", "description": "The task"}`
    /// Good: `{"allOf": [{"$ref": "#/definitions/Task"}], "description": "The task"}`
    ///
    /// ### Evidence
    /// Calibration: siblings of a *schema* `$ref` are reported as warnings. Certified connectors
    /// changed in 2024 put `type` or `required` next to schema references and passed the validator
    /// (15 certified connectors in all, mostly with a `description`); the sibling is still ignored,
    /// so it deserves a look. Siblings of parameter and response references stay errors.
    pub(crate) static ADDITIONAL_PROPERTY_NOT_ALLOWED_ADJACENT_TO_REF: Rule {
        code: "AdditionalPropertyNotAllowedAdjacentToRef",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for site in super::super::references::sites(cx) {
        let m = site.holder;
        let schema = site.kind == super::super::references::RefKind::Schema;
        for k in m.keys() {
            if k != "$ref" && !k.starts_with("x-") {
                let msg =
                    format!("'{k}' next to `$ref` is ignored: move it into the referenced object");
                if schema {
                    sink.emit_with(
                        Severity::Warning,
                        FileKind::Definition,
                        join(&site.at, k),
                        msg,
                    );
                } else {
                    sink.emit(join(&site.at, k), msg);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn ref_siblings() {
        let def = with_def(
            json!({"type": "object", "properties": {"t": {"$ref": "#/definitions/Task", "description": "d", "x-ms-summary": "T"}}}),
        );
        let mut with_parameter_ref = def.clone();
        with_parameter_ref["parameters"] =
            json!({"Id": {"name": "id", "in": "query", "type": "string"}});
        with_parameter_ref
            .pointer_mut(&format!("{GET}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(json!({"$ref": "#/parameters/Id", "required": true}));
        Tester::new(
            &ADDITIONAL_PROPERTY_NOT_ALLOWED_ADJACENT_TO_REF,
            vec![minimal()],
            vec![
                fail(def)
                    .at(["/definitions/X/properties/t/description"])
                    .then(|f| assert_eq!(f[0].severity, Severity::Warning)),
                fail(with_parameter_ref).then(|f| {
                    let p = f
                        .iter()
                        .find(|f| f.pointer.ends_with("/1/required"))
                        .unwrap();
                    assert_eq!(p.severity, Severity::Error);
                }),
            ],
        )
        .test();
    }
}
