use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the authentication type (securityDefinitions type or OAuth flow) changed
    ///
    /// ### Why
    /// Microsoft forbids changing a connector's authentication type in an update: every existing
    /// connection breaks.
    ///
    /// ### Example
    /// Before: `securityDefinitions: {oauth: {type: oauth2, flow: accessCode, …}}`.
    /// After: `securityDefinitions: {key: {type: apiKey, in: header, name: X-Key}}`.
    ///
    /// ### Evidence
    /// Documented as not allowed in an update (certification updates, BCD-03); not a ValidateChange
    /// check, so the gate is `review`.
    pub(crate) static AUTHENTICATION_TYPE_CHANGED: DiffRule {
        code: "AuthenticationTypeChanged",
        severity: Breaking,
        gate: Gate::Review,
        area: "connector",
        source: "BCD-03, BCI-06",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_oauth_becomes_an_api_key() {
        snapshot_reports("AuthenticationTypeChanged", |_, n| {
            set(
                n,
                "/securityDefinitions",
                Some(json!({"key": {"type": "apiKey", "in": "header", "name": "X-Key"}})),
            )
        });
    }

    #[test]
    fn not_reported_when_the_definition_is_only_renamed() {
        assert_does_not_report("AuthenticationTypeChanged", |_, n| {
            let d = n.pointer("/securityDefinitions/oauth").unwrap().clone();
            set(n, "/securityDefinitions", Some(json!({"aad": d})));
        });
    }
}
