use super::*;
use crate::model::json_schema::{ErrorKind, Schema};
use crate::rules::prelude::*;

/// The schema document, parsed once per process.
static DOCUMENT: LazyLock<Value> = LazyLock::new(|| {
    crate::model::parse::strict_json(include_str!("../../../schemas/apiProperties.schema.json"))
        .map_or(Value::Null, |(v, _)| v)
});

/// `None` only if the bundled schema were broken (a test guards it).
pub(super) static SCHEMA: LazyLock<Option<Schema<'static>>> =
    LazyLock::new(|| Schema::new(&DOCUMENT).ok());

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n).collect::<String>())
    } else {
        s.to_string()
    }
}

crate::declare_code! {
    /// apiProperties.json does not have the expected shape
    ///
    /// ### Why
    /// connkit checks apiProperties.json against its own JSON Schema
    /// (`schemas/apiProperties.schema.json` in the connkit repository): a root object with only
    /// `properties` (and `$schema`); inside it `iconBrandColor` (required), `publisher`,
    /// `stackOwner`, `capabilities`, `connectionParameters`, `connectionParameterSets`,
    /// `policyTemplateInstances` and `scriptOperations`; each connection parameter an object with a
    /// `type`; `uiDefinition` fields of the right JSON types — notably `constraints.required` is
    /// the *string* `"true"`/`"false"` and `clearText` a boolean.
    ///
    /// ### Example
    /// Bad: `"constraints": {"required": true}`
    /// Good: `"constraints": {"required": "true"}`
    ///
    /// ### Evidence
    /// Calibration: `null` is accepted for `uiDefinition` and `oAuthSettings.clientId`, as merged
    /// certified connectors use it (errors on connectors changed in 2024: 4 before, 1 after — the
    /// remaining one writes `"required": true`). Microsoft's pipeline validates the file the same
    /// way and prints errors such as "Invalid type. Expected Boolean but got String.". The meaning
    /// of the values (types, identity providers, templates) is checked by the other apiProperties
    /// rules.
    ///
    /// Three shapes are **warnings**, the rest errors. Microsoft's apiProperties validator let
    /// unknown keys (script, StackOwner, token:clientId) and a boolean constraints.required through
    /// on validated merges of 11 connectors of the visible history (Airmeet 2023,
    /// CardsForPowerApps 2023, Pipeliner CRM 2023, Azure Communication Services MMS 2024, …), and
    /// an `oAuthSettings.redirectUrl` given as an array on repeated validated merges since the
    /// pipeline's 2023-08 repair in the other half of the public repository (none in the visible
    /// history). Wrong types elsewhere are refused ("Invalid type. Expected Boolean but got
    /// String.").
    pub(crate) static PROPERTIES_SCHEMA_VIOLATION: Rule {
        code: "PropertiesSchemaViolation",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Properties,
        source: S_AP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(v) = cx.connector.properties_value() else {
        return;
    };
    let Some(validator) = SCHEMA.as_ref() else {
        return;
    };
    for e in validator.first_errors(v, 50) {
        let message = clip(&e.to_string(), 200);
        let ptr = e.instance_path;
        if tolerated_shape(&e.kind, &ptr) {
            sink.emit_with(
                Severity::Warning,
                FileKind::Properties,
                ptr,
                format!("{message} (Microsoft's validator lets this through)"),
            );
        } else {
            sink.emit(ptr, message);
        }
    }
}

/// Schema violations Microsoft's apiProperties validator has let through on validated merges:
/// keys it does not know (`script`, `StackOwner`, `token:clientId`…), a boolean
/// `uiDefinition.constraints.required` and an `oAuthSettings.redirectUrl` of another type (an
/// array). The platform reads the first two (it ignores unknown keys and takes `true` as
/// `"true"`), and sets the redirect URL itself.
fn tolerated_shape(kind: &ErrorKind, pointer: &str) -> bool {
    use ErrorKind as K;
    match kind {
        K::AdditionalProperties { .. } => true,
        K::Type { .. } | K::Enum { .. } => {
            pointer.ends_with("/uiDefinition/constraints/required")
                || (matches!(kind, K::Type { .. })
                    && pointer.ends_with("/oAuthSettings/redirectUrl"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn schema_violations_point_into_the_file() {
        let p = with(
            json!({"connectionParameters": {"api_key": {"uiDefinition": {"constraints": {"required": true}}}}, "extra": 1}),
        );
        Tester::new(
            &PROPERTIES_SCHEMA_VIOLATION,
            vec![(with_props(good_props()), Profile::Custom)],
            vec![
                fail((with_props(p), Profile::Custom)).then(|f| {
                    let ptrs = pointers(f);
                    assert!(ptrs.contains(&"/properties"), "{ptrs:?}");
                    assert!(
                        ptrs.contains(
                            &"/properties/connectionParameters/api_key/uiDefinition/constraints/required"
                        ),
                        "{ptrs:?}"
                    );
                    assert_eq!(
                        f.iter().find(|x| x.pointer == "/properties").unwrap().file,
                        "apiProperties.json"
                    );
                }),
            ],
        )
        .test();
    }

    fn oauth_with_redirect(redirect: Value) -> Value {
        with(
            json!({"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": {
            "identityProvider": "oauth2", "clientId": "x", "scopes": [], "redirectUrl": redirect}}}}),
        )
    }

    #[test]
    fn redirect_url_as_an_array_is_a_warning() {
        let f = run_p(
            &PROPERTIES_SCHEMA_VIOLATION,
            oauth_with_redirect(json!(["https://global.consent.azure-apim.net/redirect"])),
            Profile::Custom,
        );
        let hit: Vec<_> = f
            .iter()
            .filter(|x| x.pointer.ends_with("/oAuthSettings/redirectUrl"))
            .collect();
        assert_eq!(hit.len(), 1, "{f:?}");
        assert_eq!(hit[0].severity, Severity::Warning);
        // A string is the shape the schema describes: nothing to say.
        let f = run_p(
            &PROPERTIES_SCHEMA_VIOLATION,
            oauth_with_redirect(json!("https://global.consent.azure-apim.net/redirect")),
            Profile::Custom,
        );
        assert!(
            !f.iter().any(|x| x.pointer.ends_with("/redirectUrl")),
            "{f:?}"
        );
    }

    #[test]
    fn a_wrong_type_elsewhere_stays_an_error() {
        let f = run_p(
            &PROPERTIES_SCHEMA_VIOLATION,
            with(json!({"iconBrandColor": 7})),
            Profile::Custom,
        );
        let hit: Vec<_> = f
            .iter()
            .filter(|x| x.pointer == "/properties/iconBrandColor")
            .collect();
        assert_eq!(hit.len(), 1, "{f:?}");
        assert_eq!(hit[0].severity, Severity::Error);
    }
}
