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
    pub static SETTINGS_KEY_UNKNOWN: Rule {
        code: "SettingsKeyUnknown",
        severity: Severity::Warning,
        gate: Gate::Advice,
        microsoft: None,
        profiles: Profiles::ALL,
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
