use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `security` requirement names a scheme not in `securityDefinitions`
    ///
    /// ### Why
    /// Each key of a security requirement must be the name of an entry of `securityDefinitions`.
    ///
    /// ### Evidence
    /// Calibration: a warning, not an error. Connections authenticate through apiProperties.json's
    /// connection parameters, and Microsoft's validator let 3 of 106
    /// certified/independent-publisher connectors changed in 2024 through with undefined schemes
    /// (Bloomflow, Scrive eSign, Annature). It is still a real inconsistency worth fixing.
    pub static SECURITY_REQUIREMENT_MUST_BE_DEFINED: Rule {
        code: "SecurityRequirementMustBeDefined",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, name, _) in requirement_entries(cx) {
        if security_definition(cx, name).is_none() {
            sink.emit(
                at,
                format!("security scheme '{name}' is not defined in securityDefinitions"),
            );
        }
    }
}
