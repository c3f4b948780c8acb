use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A settings.json value paconn cannot use
    ///
    /// ### Why
    /// `environment` is the environment's id, a lower-case GUID; `powerAppsUrl` and `flowUrl` are
    /// absolute URLs; `powerAppsApiVersion` and `flowApiVersion` can only be `2016-11-01`; the file
    /// names and `connectorId` are strings. The whole file must be a JSON object.
    ///
    /// ### Example
    /// Bad: `"environment": "Default-1234"`
    /// Good: `"environment": "7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e"`
    ///
    /// ### Evidence
    /// A **warning**: settings.json is read only by paconn on your machine; it is never part of a
    /// submission, so no gate sees it. paconn stops on such a value, so fix it if you deploy with
    /// paconn.
    pub(crate) static SETTINGS_VALUE_NOT_VALID: Rule {
        code: "SettingsValueNotValid",
        severity: Severity::Warning,
        gate: Gate::Advice,
        file: FileKind::Settings,
        source: S_ST,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
            "connectorId" | "apiProperties" | "apiDefinition" | "icon" | "script" | "$schema" => {
                match s {
                    Some(_) => None,
                    None if val.is_null() => None,
                    None => Some(format!("'{k}' must be a string, found {val}")),
                }
            }
            _ => None,
        };
        if let Some(p) = problem {
            sink.emit(ptr, p);
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
    fn values_paconn_cannot_use() {
        let good = with_settings(
            json!({"connectorId": "shared_x", "environment": "7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e",
            "apiProperties": "apiProperties.json", "powerAppsUrl": "https://api.powerapps.com", "powerAppsApiVersion": "2016-11-01"}),
        );
        let bad = with_settings(
            json!({"enviroment": "x", "environment": "7D9E2C1A-0B7E-4C55-9D1E-2F3A4B5C6D7E",
            "flowApiVersion": "2020-01-01", "flowUrl": "flow.microsoft.com"}),
        );
        Tester::new(
            &SETTINGS_VALUE_NOT_VALID,
            vec![(good, Profile::Custom)],
            vec![
                fail((bad, Profile::Custom)).at(["/environment", "/flowApiVersion", "/flowUrl"]),
                // The Bad example.
                fail((
                    with_settings(json!({"environment": "Default-1234"})),
                    Profile::Custom,
                ))
                .at(["/environment"]),
            ],
        )
        .test();
    }
}
