use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the OAuth identity provider changed
    ///
    /// ### Why
    /// A different identity provider is a different authentication type: forbidden in an update.
    ///
    /// ### Example
    /// Before (apiProperties.json): `token.oAuthSettings.identityProvider: aad`.
    /// After: `token.oAuthSettings.identityProvider: oauth2`.
    ///
    /// ### Evidence
    /// Documented as not allowed in an update (certification updates, BCD-03); not a ValidateChange
    /// check, so the gate is `review`.
    pub static IDENTITY_PROVIDER_CHANGED: DiffRule {
        code: "IdentityProviderChanged",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
