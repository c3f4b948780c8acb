use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `default` whose JSON type differs from the declared `type`
    ///
    /// ### Why
    /// The designer pre-fills the field with `default` and sends it as is: a number default on a
    /// string parameter, or a string on a boolean, is refused when the connector is saved.
    ///
    /// ### Example
    /// Bad: `{"type": "string", "default": 10}`
    /// Good: `{"type": "string", "default": "10"}`
    ///
    /// ### Evidence
    /// Calibration: a string that spells a value of the type (`"1"` for an integer, `"false"` for a
    /// boolean) is accepted: 3 certified connectors changed in 2024 do this and passed Microsoft's
    /// validator, which converts such strings. A number or boolean default on a string parameter is
    /// still reported (the case seen refused in the portal).
    pub(crate) static DEFAULT_VALUE_MUST_MATCH_TYPE: Rule {
        code: "DefaultValueMustMatchType",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx) {
        let (Some(ty), Some(d)) = (n.ty(), n.get("default")) else {
            continue;
        };
        if !d.is_null() && !fits_loosely(d, ty) {
            sink.emit(
                n.at("default"),
                format!(
                    "default {} is {} {}, but the type is '{ty}'",
                    short(d),
                    article(json_type(d)),
                    json_type(d)
                ),
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
    fn default_of_another_type() {
        Tester::new(
            &DEFAULT_VALUE_MUST_MATCH_TYPE,
            vec![
                // The Good example, and null.
                with_param(json!({"default": "10"})),
                with_param(json!({"default": null})),
                // A string spelling an integer is accepted; a word is not.
                with_def(json!({"type": "integer", "default": "1"})),
            ],
            vec![
                // The Bad example (the path parameter is a string).
                fail(with_param(json!({"default": 10})))
                    .at([format!("{P0}/default")])
                    .then(|f| {
                        assert!(
                            f[0].message.ends_with("but the type is 'string'"),
                            "{}",
                            f[0].message
                        );
                    }),
                fail(with_def(json!({"type": "integer", "default": "one"})))
                    .at(["/definitions/X/default"]),
            ],
        )
        .test();
    }
}
