use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `required` list on a schema that is not an object
    ///
    /// ### Why
    /// A list of required property names only makes sense on `type: object`. On a string or array
    /// it is refused; mark the *parent's* `required` instead.
    ///
    /// ### Example
    /// Bad: `{"type": "array", "required": ["id"], "items": {…}}`
    /// Good: `{"type": "array", "items": {"type": "object", "required": ["id"], "properties": {…}}}`
    ///
    /// ### Evidence
    /// A **warning**. Microsoft's validator lets it through: validated merges of 7 connectors (e.g.
    /// Blueink 2023) carry required lists on array schemas, and the platform ignores them.
    pub(crate) static REQUIRED_PROPERTY_NOT_ON_OBJECT: Rule {
        code: "RequiredPropertyNotOnObject",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx).iter().filter(|n| n.is_schema()) {
        if let (Some(Value::Array(_)), Some(ty)) = (n.get("required"), n.ty())
            && ty != "object"
        {
            sink.emit(
                n.at("required"),
                format!("`required` lists property names, but this schema is '{ty}'"),
            );
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
    fn required_on_a_string() {
        Tester::new(
            &REQUIRED_PROPERTY_NOT_ON_OBJECT,
            vec![with_def(
                json!({"type": "object", "required": ["a"], "properties": {"a": {}}}),
            )],
            vec![
                fail(with_def(json!({"type": "string", "required": ["a"]})))
                    .at(["/definitions/X/required"])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "`required` lists property names, but this schema is 'string'"
                        );
                    }),
            ],
        )
        .test();
    }
}
