use super::*;
use crate::rules::prelude::*;

const CP: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/connection-parameters";

crate::declare_code! {
    /// The definition's security scheme and the connection parameters disagree
    ///
    /// ### Why
    /// The definition's `securityDefinitions` say how requests are authenticated and
    /// apiProperties.json's connection parameters collect what that needs: an `oauth2` scheme needs
    /// an `oauthSetting` parameter (and an `oauthSetting` parameter needs an `oauth2` scheme); an
    /// `apiKey` scheme needs a `securestring` parameter for the key; `basic` needs a `securestring`
    /// for the password. A mismatch creates connections that cannot authenticate.
    ///
    /// ### Example
    /// Bad: an `apiKey` entry in `securityDefinitions` and only an `oauthSetting` connection parameter
    /// Good: an `apiKey` scheme with a `securestring` connection parameter (`"api_key": {"type": "securestring", …}`)
    ///
    /// ### Evidence
    /// Calibration: a warning. Two certified connectors changed in 2024 were merged with a mismatch
    /// (HubPlanner: an `apiKey` scheme and no connection parameters, which the platform fills in
    /// itself; Tribal - SITS: an OAuth parameter and no security definition), so the platform
    /// tolerates both directions.
    pub(crate) static AUTHENTICATION_TYPE_MISMATCH: Rule {
        code: "AuthenticationTypeMismatch",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: CP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(defs) = cx
        .connector
        .definition_value()
        .and_then(|d| d.get("securityDefinitions"))
        .and_then(Value::as_object)
    else {
        return;
    };
    if cx.connector.properties_value().is_none() {
        return;
    }
    let params = conn_params(cx);
    let has_type = |t: &str| {
        params
            .iter()
            .any(|p| str_at(p.value, "type").is_some_and(|x| x.eq_ignore_ascii_case(t)))
    };
    let kinds: Vec<&str> = defs.values().filter_map(|d| str_at(d, "type")).collect();
    for (kind, needs, what) in [
        (
            "oauth2",
            "oauthSetting",
            "an oauthSetting connection parameter",
        ),
        (
            "apiKey",
            "securestring",
            "a securestring connection parameter for the key",
        ),
        (
            "basic",
            "securestring",
            "a securestring connection parameter for the password",
        ),
    ] {
        if kinds.contains(&kind) && !has_type(needs) {
            sink.emit(
                "/properties/connectionParameters",
                format!("the definition uses '{kind}' security, which needs {what}"),
            );
        }
    }
    if !kinds.contains(&"oauth2") {
        for p in params.iter().filter(|p| {
            str_at(p.value, "type").is_some_and(|x| x.eq_ignore_ascii_case("oauthSetting"))
        }) {
            sink.emit(
                    p.pointer.clone(),
                    format!(
                        "'{}' is an OAuth parameter but the definition has no oauth2 security definition",
                        p.name
                    ),
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
    fn scheme_and_parameters_disagree() {
        // `def()` has an apiKey scheme; the key parameter is replaced by an OAuth one.
        let p = with(
            json!({"connectionParameters": {"api_key": null, "token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2"}}}}),
        );
        Tester::new(
            &AUTHENTICATION_TYPE_MISMATCH,
            vec![
                (with_props(good_props()), Profile::Custom),
            ],
            vec![
                fail((with_props(p), Profile::Custom)).at([
                "/properties/connectionParameters",
                "/properties/connectionParameters/token"
            ]).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "the definition uses 'apiKey' security, which needs a securestring connection parameter for the key"
                    );
                    assert!(f[1].message.contains("no oauth2 security definition"));
                }),
            ],
        )
        .test();
    }
}
