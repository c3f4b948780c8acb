use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// settings.json has a key paconn does not read
    ///
    /// ### Why
    /// settings.json stores paconn's arguments: `connectorId`, `environment`, `apiProperties`,
    /// `apiDefinition`, `icon`, `script`, `powerAppsUrl`, `powerAppsApiVersion`, `flowUrl`,
    /// `flowApiVersion` (and `$schema`). Any other key is ignored — usually a typo of one of these,
    /// so the argument silently takes its default.
    ///
    /// ### Example
    /// Bad: `{"enviroment": "7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e"}`
    /// Good: `{"environment": "7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e"}`
    pub(crate) static SETTINGS_KEY_UNKNOWN: Rule {
        code: "SettingsKeyUnknown",
        severity: Severity::Warning,
        gate: Gate::Advice,
        file: FileKind::Settings,
        source: S_ST,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(m) = cx
        .connector
        .settings
        .as_ref()
        .and_then(|s| s.value.as_ref())
        .and_then(Value::as_object)
    else {
        return;
    };
    for k in m.keys() {
        if !KEYS.contains(&k.as_str()) {
            sink.emit(join("", k), format!("paconn does not read '{k}'"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn unknown_key() {
        let bad = with_settings(json!({"enviroment": "x", "connectorId": "shared_x"}));
        let good = with_settings(
            json!({"connectorId": "shared_x", "environment": "7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e",
            "apiProperties": "apiProperties.json", "powerAppsUrl": "https://api.powerapps.com", "powerAppsApiVersion": "2016-11-01"}),
        );
        Tester::new(
            &SETTINGS_KEY_UNKNOWN,
            vec![(good, Profile::Custom)],
            vec![fail((bad, Profile::Custom)).at(["/enviroment"]).then(|f| {
                assert_eq!(f[0].message, "paconn does not read 'enviroment'");
            })],
        )
        .test();
    }
}
