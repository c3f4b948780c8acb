//! settings.json: paconn's argument file. Never part of a certification, but
//! a wrong value makes `paconn create`/`update` fail or target the wrong environment.

use serde_json::Value;

use super::Rule;
use crate::model::FileKind;
use crate::model::pointer::join;
use crate::rules::content::valid_url;

pub(crate) const RULES: &[&Rule] = &[&SETTINGS_KEY_UNKNOWN, &SETTINGS_VALUE_NOT_VALID];

const S_ST: &str = "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/paconn-settings.schema.json";

/// Keys paconn reads from settings.json (`script` is written by paconn but missing from the
/// published schema; it is accepted).
pub(crate) const KEYS: [&str; 11] = [
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

/// A lower-case GUID.
pub(crate) fn lower_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')))
}
mod settings_key_unknown;
mod settings_value_not_valid;

pub(crate) use settings_key_unknown::*;
pub(crate) use settings_value_not_valid::*;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// A connector with this settings.json beside the minimal definition.
    pub(in crate::rules::settings) fn with_settings(v: Value) -> crate::model::Connector {
        let mut c = connector_from(minimal(), None);
        c.settings = Some(data_file(
            "settings.json",
            serde_json::to_string_pretty(&v).unwrap(),
        ));
        c
    }
}
