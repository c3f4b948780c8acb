use super::*;
use crate::rules::prelude::*;

/// `customParameters` each identity provider accepts (compared ignoring case), and the
/// ones it requires.
fn idp_custom_parameters(idp: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match idp.to_ascii_lowercase().as_str() {
        "oauth2" => (&["authorizationUrl", "tokenUrl", "refreshUrl"][..], &[][..]),
        "oauth2generic" => (
            &[
                "authorizationUrlTemplate",
                "authorizationUrlQueryStringTemplate",
                "tokenUrlTemplate",
                "tokenUrlQueryStringTemplate",
                "tokenBodyTemplate",
                "refreshUrlTemplate",
                "refreshUrlQueryStringTemplate",
                "refreshBodyTemplate",
                "scopeListDelimiter",
            ][..],
            &[][..],
        ),
        "aad" => (
            &[
                "resourceUri",
                "loginUri",
                "tenantId",
                "enableOnbehalfOfLogin",
                "grantType",
                "loginUriAAD",
            ][..],
            &["resourceUri"][..],
        ),
        "aadcertificate" => (
            &["resourceUri", "loginUri", "loginUriAAD", "tenantId"][..],
            &["resourceUri"][..],
        ),
        _ => return None,
    })
}

const REDIRECT_MODES: [&str; 3] = ["Global", "Direct", "GlobalPerConnector"];

crate::declare_code! {
    /// `oAuthSettings` does not fit its identity provider
    ///
    /// ### Why
    /// Each identity provider takes its own `customParameters`: `oauth2` the `authorizationUrl`,
    /// `tokenUrl` and `refreshUrl`; `oauth2generic` the URL and body templates
    /// (`authorizationUrlTemplate`, `tokenUrlTemplate`, …); `aad` a required `resourceUri` plus
    /// `loginUri`, `tenantId`; `aadcertificate` a required `resourceUri` and
    /// `properties.IsFirstParty: "True"` (first-party Microsoft apps only).
    /// `properties.IsFirstParty` is the string `"True"` or `"False"`, and `redirectMode` one of
    /// `Global`, `Direct`, `GlobalPerConnector`. Other identity providers (`facebook`, partner
    /// ones) are not checked.
    ///
    /// ### Example
    /// Bad: `{"identityProvider": "aad", "customParameters": {"loginUri": {"value": "https://login.microsoftonline.com"}}}` (no `resourceUri`)
    /// Good: `{"identityProvider": "aad", "customParameters": {"resourceUri": {"value": "https://graph.microsoft.com"}}}`
    ///
    /// ### Evidence
    /// Calibration: parameter names are compared ignoring case (merged connectors write
    /// `AuthorizationUrl`), and `enableOnbehalfOfLogin`, `grantType` and `loginUriAAD` are accepted
    /// for `aad`, as merged certified connectors (several published by Microsoft) use them. Errors
    /// on connectors changed in 2024: 1 (an `oauth2` connector with a stray `RedirectUrl` custom
    /// parameter); that connector passed certification, so a custom parameter the identity provider
    /// does not use is now a warning (the platform ignores it), while a missing required one stays
    /// an error (2024 errors: 1 → 0).
    ///
    /// Aad with scopes and no resourceUri is accepted: the scopes name the resource on the v2
    /// endpoint, and 3 connectors were merged validated so (Zellis 2023, …). aadcertificate without
    /// IsFirstParty is a warning: Microsoft's own Azure Communication Services SMS Events was
    /// merged validated without it (2022). A missing required parameter of another provider stays
    /// an error: the platform cannot sign users in.
    pub(crate) static OAUTH_SETTINGS_NOT_VALID: Rule {
        code: "OAuthSettingsNotValid",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: S_AP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, o) in oauth_settings(cx) {
        let Some(idp) = str_at(o, "identityProvider") else {
            continue; // schema
        };
        if let Some((allowed, required)) = idp_custom_parameters(idp) {
            let cp = o.get("customParameters");
            if let Some(m) = cp.and_then(Value::as_object) {
                for k in m.keys() {
                    if !allowed.iter().any(|a| a.eq_ignore_ascii_case(k)) {
                        // Unused extra parameters are ignored by the platform: a warning
                        // (see Calibration); missing required ones stay errors.
                        sink.emit_with(
                                Severity::Warning,
                                FileKind::Properties,
                                join(&join(&ptr, "customParameters"), k),
                                format!(
                                    "customParameters '{k}' is not used by identity provider '{idp}' (allowed: {})",
                                    allowed.join(", ")
                                ),
                            );
                    }
                }
            }
            // Scope-based `aad` (v2 endpoint) needs no resource: the scopes name it.
            let has_scopes = o
                .get("scopes")
                .and_then(Value::as_array)
                .is_some_and(|s| s.iter().any(|v| v.as_str().is_some_and(|s| !s.is_empty())));
            for r in required {
                if idp.eq_ignore_ascii_case("aad") && *r == "resourceUri" && has_scopes {
                    continue;
                }
                if cp.and_then(|c| get_ci(c, r)).is_none() {
                    sink.emit(
                        ptr.clone(),
                        format!("identity provider '{idp}' needs customParameters '{r}'"),
                    );
                }
            }
        }
        let first_party = o.get("properties").and_then(|p| p.get("IsFirstParty"));
        if let Some(fp) = first_party
            && !matches!(fp.as_str(), Some("True" | "False" | "true" | "false"))
        {
            sink.emit(
                join(&join(&ptr, "properties"), "IsFirstParty"),
                "IsFirstParty must be the string \"True\" or \"False\"",
            );
        }
        if idp.eq_ignore_ascii_case("aadcertificate")
            && !first_party
                .and_then(Value::as_str)
                .is_some_and(|s| s.eq_ignore_ascii_case("true"))
        {
            sink.emit_with(
                    Severity::Warning,
                    FileKind::Properties,
                    ptr.clone(),
                    "aadcertificate is meant for first-party apps: properties.IsFirstParty is usually \"True\"",
                );
        }
        if let Some(m) = str_at(o, "redirectMode")
            && !REDIRECT_MODES.iter().any(|r| r.eq_ignore_ascii_case(m))
        {
            sink.emit(
                join(&ptr, "redirectMode"),
                format!("redirectMode '{m}' is not one of Global, Direct, GlobalPerConnector"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::core::Severity;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn settings_that_do_not_fit_the_provider() {
        let p = with(
            json!({"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": {
            "identityProvider": "aad", "redirectMode": "Sometimes",
            "customParameters": {"loginUri": {"value": "https://login.microsoftonline.com"}, "authorizationUrl": {"value": "x"}}}}}}),
        );
        let ok = with(
            json!({"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": {
            "identityProvider": "oauth2", "redirectMode": "GlobalPerConnector", "properties": {"IsFirstParty": "False"},
            "customParameters": {"AuthorizationUrl": {"value": "https://a"}, "tokenUrl": {"value": "https://b"}}}},
            "aad": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "aad", "redirectMode": "GlobalPerConnector",
            "customParameters": {"resourceUri": {"value": "https://r"}, "grantType": {"value": "code"}}}}}}),
        );
        Tester::new(
            &OAUTH_SETTINGS_NOT_VALID,
            vec![(with_props(ok), Profile::Custom)],
            vec![fail((with_props(p), Profile::Custom)).then(|f| {
                let at = "/properties/connectionParameters/token/oAuthSettings";
                // Findings come in file order.
                assert_eq!(
                    pointers(f),
                    vec![
                        at.to_string(),
                        format!("{at}/redirectMode"),
                        format!("{at}/customParameters/authorizationUrl"),
                    ]
                );
                assert_eq!(
                    f[0].message,
                    "identity provider 'aad' needs customParameters 'resourceUri'"
                );
                // A custom parameter the provider does not use is only a warning.
                assert_eq!(f[2].severity, Severity::Warning);
            })],
        )
        .test();
    }
}
