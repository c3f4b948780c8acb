use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the OAuth identity provider changed
    ///
    /// A different identity provider is a different authentication type: forbidden in an update.
    pub static IDENTITY_PROVIDER_CHANGED: DiffRule {
        code: "IdentityProviderChanged",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
