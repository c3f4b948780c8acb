use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Both `connectionParameters` and `connectionParameterSets` are defined
    ///
    /// ### Why
    /// `connectionParameterSets` (several ways to sign in) replaces `connectionParameters`; with
    /// both, it is unclear which one the platform uses. Keep the sets and remove the plain
    /// parameters (an empty `connectionParameters: {}` is tolerated).
    ///
    /// ### Example
    /// Bad: `"connectionParameters": {"api_key": {…}}, "connectionParameterSets": {"values": […]}`
    /// Good: `"connectionParameterSets": {"values": […]}` alone (or with `"connectionParameters": {}`)
    pub(crate) static CONNECTION_PARAMETERS_AND_SETS_BOTH_DEFINED: Rule {
        code: "ConnectionParametersAndSetsBothDefined",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/multi-auth",
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(p) = props(cx) else { return };
    let plain = p
        .get("connectionParameters")
        .and_then(Value::as_object)
        .is_some_and(|m| !m.is_empty());
    if plain && p.get("connectionParameterSets").is_some() {
        sink.emit(
            "/properties/connectionParameters",
            "connectionParameters and connectionParameterSets are both defined; keep one",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn parameters_beside_sets() {
        // `good_props` has a plain `api_key` parameter.
        let p = with(json!({"connectionParameterSets": {"values": []}}));
        let p_2 = with(
            json!({"connectionParameters": {"api_key": null}, "connectionParameterSets": {"values": []}}),
        );
        Tester::new(
            &CONNECTION_PARAMETERS_AND_SETS_BOTH_DEFINED,
            vec![(with_props(p_2), Profile::Custom)],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at(["/properties/connectionParameters"])
                    .then(|f| {
                        assert!(
                            f[0].message
                                .starts_with("connectionParameters and connectionParameterSets")
                        );
                    }),
            ],
        )
        .test();
    }
}
