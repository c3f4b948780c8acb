use super::*;

pub static CONNECTION_PARAMETERS_AND_SETS_BOTH_DEFINED: Rule = Rule {
    code: "ConnectionParametersAndSetsBothDefined",
    severity: Severity::Warning,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "Both `connectionParameters` and `connectionParameterSets` are defined",
    explanation: "`connectionParameterSets` (several ways to sign in) replaces \
`connectionParameters`; with both, it is unclear which one the platform uses. Keep the sets and \
remove the plain parameters (an empty `connectionParameters: {}` is tolerated).",
    source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/multi-auth",
    check: |cx, sink| {
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
    },
};
