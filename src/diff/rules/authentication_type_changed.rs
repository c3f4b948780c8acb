use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the authentication type (securityDefinitions type or OAuth flow) changed
    ///
    /// Microsoft forbids changing a connector's authentication type in an update: every existing
    /// connection breaks.
    pub static AUTHENTICATION_TYPE_CHANGED: DiffRule {
        code: "AuthenticationTypeChanged",
        severity: Breaking,
        gate: Gate::Review,
        area: "connector",
        microsoft: None,
        source: "BCD-03, BCI-06",
    }
}
