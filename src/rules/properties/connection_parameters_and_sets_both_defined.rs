use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Both `connectionParameters` and `connectionParameterSets` are defined
    ///
    /// ### Why
    /// `connectionParameterSets` (several ways to sign in) replaces `connectionParameters`; with
    /// both, it is unclear which one the platform uses. Keep the sets and remove the plain
    /// parameters (an empty `connectionParameters: {}` is tolerated).
    pub static CONNECTION_PARAMETERS_AND_SETS_BOTH_DEFINED: Rule {
        code: "ConnectionParametersAndSetsBothDefined",
        severity: Severity::Warning,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
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
