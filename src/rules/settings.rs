//! settings.json: paconn's argument file (catalog §10.5). Never part of a certification, but
//! a wrong value makes `paconn create`/`update` fail or target the wrong environment.

use serde_json::Value;

use super::{Profiles, Rule, Severity};
use crate::model::FileKind;
use crate::model::pointer::join;
use crate::rules::content::valid_url;

pub const RULES: &[&Rule] = &[&SETTINGS_KEY_UNKNOWN, &SETTINGS_VALUE_NOT_VALID];

const S_ST: &str = "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/paconn-settings.schema.json";

/// Keys paconn reads from settings.json (`script` is written by paconn but missing from the
/// published schema; it is accepted).
pub const KEYS: [&str; 11] = [
    "$schema",
    "connectorId",
    "environment",
    "apiProperties",
    "apiDefinition",
    "icon",
    "script",
    "powerAppsUrl",
    "powerAppsApiVersion",
    "flowUrl",
    "flowApiVersion",
];

pub static SETTINGS_KEY_UNKNOWN: Rule = Rule {
    code: "SettingsKeyUnknown",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Settings,
    summary: "settings.json has a key paconn does not read",
    explanation: "settings.json stores paconn's arguments: `connectorId`, `environment`, \
`apiProperties`, `apiDefinition`, `icon`, `script`, `powerAppsUrl`, `powerAppsApiVersion`, \
`flowUrl`, `flowApiVersion` (and `$schema`). Any other key is ignored — usually a typo of one of \
these, so the argument silently takes its default.",
    source: S_ST,
    check: |cx, sink| {
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
    },
};

/// A lower-case GUID.
pub fn lower_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')))
}

pub static SETTINGS_VALUE_NOT_VALID: Rule = Rule {
    code: "SettingsValueNotValid",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Settings,
    summary: "A settings.json value paconn cannot use",
    explanation: "`environment` is the environment's id, a lower-case GUID; `powerAppsUrl` and \
`flowUrl` are absolute URLs; `powerAppsApiVersion` and `flowApiVersion` can only be \
`2016-11-01`; the file names and `connectorId` are strings. The whole file must be a JSON \
object.\n\nBad: `\"environment\": \"Default-1234\"`  Good: `\"environment\": \
\"7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e\"`\n\n\
Evidence: a **warning**: settings.json is read only by paconn on your machine; it is never \
part of a submission, so no gate sees it. paconn stops on such a value, so fix it if you \
deploy with paconn.",
    source: S_ST,
    check: |cx, sink| {
        let Some(v) = cx
            .connector
            .settings
            .as_ref()
            .and_then(|s| s.value.as_ref())
        else {
            return;
        };
        let Some(m) = v.as_object() else {
            sink.emit("", "settings.json must be a JSON object");
            return;
        };
        for (k, val) in m {
            let ptr = join("", k);
            let s = val.as_str();
            let problem = match k.as_str() {
                "environment" => match s {
                    Some(s) if lower_guid(s) => None,
                    _ => Some(format!(
                        "'environment' must be a lower-case GUID, found {val}"
                    )),
                },
                "powerAppsUrl" | "flowUrl" => match s {
                    Some(s) if valid_url(s) => None,
                    _ => Some(format!("'{k}' must be an absolute URL, found {val}")),
                },
                "powerAppsApiVersion" | "flowApiVersion" => match s {
                    Some("2016-11-01") => None,
                    _ => Some(format!("'{k}' must be \"2016-11-01\", found {val}")),
                },
                "connectorId" | "apiProperties" | "apiDefinition" | "icon" | "script"
                | "$schema" => match s {
                    Some(_) => None,
                    None if val.is_null() => None,
                    None => Some(format!("'{k}' must be a string, found {val}")),
                },
                _ => None,
            };
            if let Some(p) = problem {
                sink.emit(ptr, p);
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    fn with_settings(v: Value) -> crate::model::Connector {
        let mut c = connector_from(minimal(), None);
        c.settings = Some(data_file(
            "settings.json",
            serde_json::to_string_pretty(&v).unwrap(),
        ));
        c
    }

    #[test]
    fn settings() {
        let good = with_settings(
            json!({"connectorId": "shared_x", "environment": "7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e",
            "apiProperties": "apiProperties.json", "powerAppsUrl": "https://api.powerapps.com", "powerAppsApiVersion": "2016-11-01"}),
        );
        assert!(run_on(&SETTINGS_KEY_UNKNOWN, &good, Profile::Custom).is_empty());
        assert!(run_on(&SETTINGS_VALUE_NOT_VALID, &good, Profile::Custom).is_empty());
        let bad = with_settings(
            json!({"enviroment": "x", "environment": "7D9E2C1A-0B7E-4C55-9D1E-2F3A4B5C6D7E",
            "flowApiVersion": "2020-01-01", "flowUrl": "flow.microsoft.com"}),
        );
        assert_eq!(
            pointers(&run_on(&SETTINGS_KEY_UNKNOWN, &bad, Profile::Custom)),
            vec!["/enviroment"]
        );
        assert_eq!(
            pointers(&run_on(&SETTINGS_VALUE_NOT_VALID, &bad, Profile::Custom)),
            vec!["/environment", "/flowApiVersion", "/flowUrl"]
        );
    }
}
