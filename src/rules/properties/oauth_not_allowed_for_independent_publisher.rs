use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An independent-publisher connector uses OAuth
    ///
    /// ### Why
    /// Since September 2025 Microsoft's certification team does not accept new
    /// independent-publisher connectors that sign in with OAuth: use an API key or basic
    /// authentication. Existing OAuth connectors keep working.
    ///
    /// ### Example
    /// Bad: `"token": {"type": "oauthSetting", "oAuthSettings": {…}}` in an independent-publisher connector
    /// Good: `"api_key": {"type": "securestring", …}`
    ///
    /// ### Evidence
    /// Calibration: a warning, because the policy is stated in pull-request reviews rather than in
    /// the documentation and many merged independent-publisher connectors predate it.
    pub(crate) static OAUTH_NOT_ALLOWED_FOR_INDEPENDENT_PUBLISHER: Rule {
        code: "OAuthNotAllowedForIndependentPublisher",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::INDEPENDENT_PUBLISHER,
        file: FileKind::Properties,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3939",
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for p in conn_params(cx) {
        if str_at(p.value, "type").is_some_and(|t| t.eq_ignore_ascii_case("oauthSetting")) {
            sink.emit(
                    p.pointer.clone(),
                    "new independent-publisher connectors may not use OAuth: use an API key or basic authentication",
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn oauth_parameter() {
        let p = with(
            json!({"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2"}}}}),
        );
        Tester::new(
            &OAUTH_NOT_ALLOWED_FOR_INDEPENDENT_PUBLISHER,
            vec![(with_props(good_props()), Profile::IndependentPublisher)],
            vec![
                fail((with_props(p), Profile::IndependentPublisher))
                    .at(["/properties/connectionParameters/token"])
                    .then(|f| {
                        assert!(
                            f[0].message.starts_with(
                                "new independent-publisher connectors may not use OAuth"
                            )
                        );
                    }),
            ],
        )
        .test();
    }
}
