use super::*;
use crate::rules::prelude::*;

const BODY_KEYS: [&str; 5] = ["name", "in", "description", "required", "schema"];

crate::declare_code! {
    /// A body parameter uses keys (`type`, `format`, …) that belong in its `schema`
    ///
    /// ### Why
    /// A body parameter has `name`, `in`, `description`, `required`, `schema` and extensions; its
    /// shape lives in `schema`. Move `type`, `format`, `items`, `enum`, `default`… into the schema.
    ///
    /// ### Example
    /// Bad: `{"in": "body", "name": "body", "type": "string"}`
    /// Good: `{"in": "body", "name": "body", "schema": {"type": "string"}}`.
    pub(crate) static BODY_PARAMETER_PROPERTY_NOT_VALID: Rule {
        code: "BodyParameterPropertyNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        let Some(m) = v.as_object().filter(|_| s(v, "in") == Some("body")) else {
            continue;
        };
        for k in m.keys() {
            if !BODY_KEYS.contains(&k.as_str()) && !k.starts_with("x-") {
                sink.emit(
                    join(&ptr, k),
                    format!("'{k}' is not valid on a body parameter; put it in 'schema'"),
                );
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
    fn type_on_body_parameter() {
        let d = with_param(json!({"name": "body", "in": "body", "type": "string"}));
        let d_2 = with_param(json!({"name": "body", "in": "body", "schema": {"type": "string"}}));
        Tester::new(
            &BODY_PARAMETER_PROPERTY_NOT_VALID,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1/type")])],
        )
        .test();
    }
}
