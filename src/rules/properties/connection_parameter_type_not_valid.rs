use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connection parameter's `type` is not a known type
    ///
    /// ### Why
    /// A connection parameter is one of `string`, `securestring` (secrets: API keys, passwords),
    /// `int`, `bool`, `oauthSetting` (with `oAuthSettings`) or `gatewaySetting` (on-premises data
    /// gateway). An `oauthSetting` parameter needs an `oAuthSettings` object.
    ///
    /// ### Example
    /// Bad: `"api_key": {"type": "password"}`
    /// Good: `"api_key": {"type": "securestring"}`
    ///
    /// ### Evidence
    /// Calibration: a type that differs only in letter case (`oAuthSetting`) is reported as a
    /// warning; one certified connector was merged with it.
    pub(crate) static CONNECTION_PARAMETER_TYPE_NOT_VALID: Rule {
        code: "ConnectionParameterTypeNotValid",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: S_AP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for p in conn_params(cx) {
        let Some(t) = str_at(p.value, "type") else {
            continue;
        };
        let ptr = join(&p.pointer, "type");
        if PARAM_TYPES.contains(&t) {
            if t == "oauthSetting" && get_ci(p.value, "oAuthSettings").is_none() {
                sink.emit(
                    p.pointer.clone(),
                    format!("'{}' is an oauthSetting without oAuthSettings", p.name),
                );
            }
        } else if PARAM_TYPES.iter().any(|k| k.eq_ignore_ascii_case(t)) {
            sink.emit_with(
                Severity::Warning,
                FileKind::Properties,
                ptr,
                format!(
                    "type '{t}' should be spelled as one of: {}",
                    PARAM_TYPES.join(", ")
                ),
            );
        } else {
            sink.emit(
                ptr,
                format!(
                    "'{t}' is not a connection parameter type: use one of {}",
                    PARAM_TYPES.join(", ")
                ),
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
    fn unknown_or_miscased_type() {
        let p = with(
            json!({"connectionParameters": {"api-key": {"type": "password"}, "token:clientId": {"type": "string"}, "t": {"type": "oAuthSetting", "oAuthSettings": {"identityProvider": "oauth2"}}}}),
        );
        // oauthSetting without oAuthSettings.
        let p_2 = with(json!({"connectionParameters": {"t": {"type": "oauthSetting"}}}));
        Tester::new(
            &CONNECTION_PARAMETER_TYPE_NOT_VALID,
            vec![(
                with_props(with(
                    json!({"connectionParameters": {"token:clientId": {"type": "string"}, "t": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2"}}}}),
                )),
                Profile::Custom,
            )],
            vec![
                fail((with_props(p), Profile::Custom)).at([
                "/properties/connectionParameters/api-key/type",
                "/properties/connectionParameters/t/type"
            ]).then(|f| {
                    assert_eq!(f[0].severity, Severity::Error);
                    assert!(
                        f[0].message
                            .starts_with("'password' is not a connection parameter type")
                    );
                    // A type differing only in case is a warning.
                    assert_eq!(f[1].severity, Severity::Warning);
                }),
                fail((with_props(p_2), Profile::Custom)).at(["/properties/connectionParameters/t"]),
            ],
        )
        .test();
    }
}
