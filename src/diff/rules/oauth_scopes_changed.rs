use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// OAuth scopes changed
    ///
    /// ### Why
    /// Existing tokens were granted the old scopes; users may have to re-consent. Compared in
    /// `securityDefinitions` (scope names) and in apiProperties.json's `oAuthSettings.scopes`.
    ///
    /// ### Example
    /// Before: `securityDefinitions.oauth.scopes: {read: Read}`.
    /// After: `securityDefinitions.oauth.scopes: {write: Write}`.
    pub static OAUTH_SCOPES_CHANGED: DiffRule {
        code: "OAuthScopesChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        microsoft: None,
        source: "BCI-06",
    }
}
