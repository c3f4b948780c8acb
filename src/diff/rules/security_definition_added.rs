use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// authentication was added to a connector that had none
    ///
    /// ### Why
    /// Existing connections have no credentials.
    ///
    /// ### Example
    /// Before: no `securityDefinitions`.
    /// After: `securityDefinitions: {oauth: {type: oauth2, …}}`.
    pub(crate) static SECURITY_DEFINITION_ADDED: DiffRule {
        code: "SecurityDefinitionAdded",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        source: "BCD-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_connector_without_authentication_gets_some() {
        snapshot_reports("SecurityDefinitionAdded", |o, _| {
            set(o, "/securityDefinitions", None)
        });
    }

    #[test]
    fn not_reported_when_the_connector_had_authentication() {
        assert_does_not_report("SecurityDefinitionAdded", |_, n| {
            set(
                n,
                "/securityDefinitions/key",
                Some(json!({"type": "apiKey", "in": "header", "name": "X-Key"})),
            )
        });
    }
}
