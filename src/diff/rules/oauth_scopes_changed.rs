use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// OAuth scopes changed
    ///
    /// Existing tokens were granted the old scopes; users may have to re-consent.
    pub static OAUTH_SCOPES_CHANGED: DiffRule {
        code: "OAuthScopesChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        microsoft: None,
        source: "BCI-06",
    }
}
