use super::*;

pub static OAUTH_REDIRECT_MODE_NOT_PER_CONNECTOR: Rule = Rule {
    code: "OAuthRedirectModeNotPerConnector",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Properties,
    summary: "An OAuth connection does not use `redirectMode: GlobalPerConnector`",
    explanation: "Since 2024 Microsoft asks certified OAuth connectors to use a redirect URI of \
their own (`\"redirectMode\": \"GlobalPerConnector\"`) instead of the shared global one, and to \
register that per-connector URI in the OAuth app. Existing connectors are being moved over; new \
submissions are expected to use it.\n\nCalibration: a warning, not an error: 106 merged OAuth \
connectors still use `Global`, and Microsoft's own validator refused `GlobalPerConnector` until \
late 2023.",
    source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3162",
    check: |cx, sink| {
        for (ptr, o) in oauth_settings(cx) {
            let m = str_at(o, "redirectMode");
            if m.is_none_or(|m| !m.eq_ignore_ascii_case("GlobalPerConnector")) {
                sink.emit(
                    match m {
                        Some(_) => join(&ptr, "redirectMode"),
                        None => ptr.clone(),
                    },
                    "use \"redirectMode\": \"GlobalPerConnector\" and register the per-connector redirect URI in your OAuth app",
                );
            }
        }
    },
};
