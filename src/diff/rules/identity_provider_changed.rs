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
    pub(crate) static IDENTITY_PROVIDER_CHANGED: DiffRule {
        code: "IdentityProviderChanged",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        source: "BCD-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_identity_provider_changes() {
        snapshot_props_report("IdentityProviderChanged", |_, n| {
            set(
                n,
                &format!("{CP}/token/oAuthSettings/identityProvider"),
                Some(json!("oauth2")),
            )
        });
    }

    #[test]
    fn not_reported_when_only_the_scopes_change() {
        let got = assert_props_do_not_report("IdentityProviderChanged", |_, n| {
            set(
                n,
                &format!("{CP}/token/oAuthSettings/scopes"),
                Some(json!(["read", "write"])),
            )
        });
        assert!(got.contains(&"OAuthScopesChanged"), "{got:?}");
    }
}
