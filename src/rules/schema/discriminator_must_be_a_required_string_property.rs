use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `discriminator` names a property that is not a required string
    ///
    /// ### Why
    /// The discriminator tells which subtype a value is, so the property it names must exist, be a
    /// string, and be listed in `required`.
    ///
    /// ### Example
    /// Bad: `{"discriminator": "kind", "properties": {"kind": {"type": "string"}}}` (`kind` not
    /// required)
    /// Good: `{"discriminator": "kind", "required": ["kind"], "properties": {"kind": {"type":
    /// "string"}}}`
    pub(crate) static DISCRIMINATOR_MUST_BE_A_REQUIRED_STRING_PROPERTY: Rule {
        code: "DiscriminatorMustBeARequiredStringProperty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for n in nodes(cx).iter().filter(|n| n.is_schema()) {
        let Some(d) = n.get("discriminator") else {
            continue;
        };
        let Some(name) = d.as_str() else { continue };
        let required = n
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|x| x.as_str() == Some(name)));
        let string = sw
            .schema_at(n.value, &n.pointer, &[name])
            .is_some_and(|(s, _)| str_of(s, "type") == Some("string"));
        if !(required && string) {
            sink.emit(
                n.at("discriminator"),
                format!("discriminator '{name}' must be a required string property"),
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
    fn discriminator_not_required() {
        let disc = |req: Value| {
            with_def(
                json!({"type": "object", "discriminator": "kind", "required": req, "properties": {"kind": {"type": "string"}}}),
            )
        };
        // The Bad example: `kind` is not required at all.
        let bad =
            with_def(json!({"discriminator": "kind", "properties": {"kind": {"type": "string"}}}));
        Tester::new(
            &DISCRIMINATOR_MUST_BE_A_REQUIRED_STRING_PROPERTY,
            vec![
                // The Good example.
                disc(json!(["kind"])),
            ],
            vec![
                fail(disc(json!(["other"])))
                    .at(["/definitions/X/discriminator"])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "discriminator 'kind' must be a required string property"
                        );
                    }),
                fail(bad).at(["/definitions/X/discriminator"]),
            ],
        )
        .test();
    }
}
