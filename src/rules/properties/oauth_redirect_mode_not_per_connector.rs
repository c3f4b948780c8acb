use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An OAuth connection does not use `redirectMode: GlobalPerConnector`
    ///
    /// ### Why
    /// Since 2024 Microsoft asks certified OAuth connectors to use a redirect URI of their own
    /// (`"redirectMode": "GlobalPerConnector"`) instead of the shared global one, and to register
    /// that per-connector URI in the OAuth app. Existing connectors are being moved over; new
    /// submissions are expected to use it.
    ///
    /// ### Example
    /// Bad: `"oAuthSettings": {"identityProvider": "oauth2", "redirectMode": "Global", …}`
    /// Good: `"oAuthSettings": {"identityProvider": "oauth2", "redirectMode": "GlobalPerConnector", …}`
    ///
    /// ### Evidence
    /// Calibration: a warning, not an error: 106 merged OAuth connectors still use `Global`, and
    /// Microsoft's own validator refused `GlobalPerConnector` until late 2023.
    pub(crate) static OAUTH_REDIRECT_MODE_NOT_PER_CONNECTOR: Rule {
        code: "OAuthRedirectModeNotPerConnector",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Properties,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3162",
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn redirect_mode_not_per_connector() {
        let token = |mode: Value| {
            with(
                json!({"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2", "redirectMode": mode}}}}),
            )
        };
        Tester::new(
            &OAUTH_REDIRECT_MODE_NOT_PER_CONNECTOR,
            vec![(
                with_props(token(json!("GlobalPerConnector"))),
                Profile::Certified,
            )],
            vec![
                fail((with_props(token(json!("Global"))), Profile::Certified))
                    .at(["/properties/connectionParameters/token/oAuthSettings/redirectMode"]),
                // Absent: reported at the settings.
                fail((with_props(token(Value::Null)), Profile::Certified))
                    .at(["/properties/connectionParameters/token/oAuthSettings"]),
            ],
        )
        .test();
    }
}
