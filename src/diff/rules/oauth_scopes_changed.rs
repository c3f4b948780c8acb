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
    pub(crate) static OAUTH_SCOPES_CHANGED: DiffRule {
        code: "OAuthScopesChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        source: "BCI-06",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_scopes_of_a_security_definition_change() {
        snapshot_reports("OAuthScopesChanged", |_, n| {
            set(
                n,
                "/securityDefinitions/oauth/scopes",
                Some(json!({"write": "Write"})),
            )
        });
    }

    #[test]
    fn reported_when_the_scopes_in_api_properties_change() {
        assert_props_report("OAuthScopesChanged", |_, n| {
            set(
                n,
                &format!("{CP}/token/oAuthSettings/scopes"),
                Some(json!(["read", "write"])),
            )
        });
    }

    #[test]
    fn not_reported_when_only_a_scope_description_changes() {
        assert_does_not_report("OAuthScopesChanged", |_, n| {
            set(
                n,
                "/securityDefinitions/oauth/scopes",
                Some(json!({"read": "Read all"})),
            )
        });
    }
}
