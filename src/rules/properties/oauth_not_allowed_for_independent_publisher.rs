use super::*;

pub static OAUTH_NOT_ALLOWED_FOR_INDEPENDENT_PUBLISHER: Rule = Rule {
    code: "OAuthNotAllowedForIndependentPublisher",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::INDEPENDENT_PUBLISHER,
    file: FileKind::Properties,
    summary: "An independent-publisher connector uses OAuth",
    explanation: "Since September 2025 Microsoft's certification team does not accept new \
independent-publisher connectors that sign in with OAuth: use an API key or basic \
authentication. Existing OAuth connectors keep working.\n\nCalibration: a warning, because the \
policy is stated in pull-request reviews rather than in the documentation and many merged \
independent-publisher connectors predate it.",
    source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3939",
    check: |cx, sink| {
        for p in conn_params(cx) {
            if str_at(p.value, "type").is_some_and(|t| t.eq_ignore_ascii_case("oauthSetting")) {
                sink.emit(
                    p.pointer.clone(),
                    "new independent-publisher connectors may not use OAuth: use an API key or basic authentication",
                );
            }
        }
    },
};
