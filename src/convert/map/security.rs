//! Security schemes → `securityDefinitions` and the connection parameters.

use serde_json::{Map, Value, json};

use super::{Cx, str_of};
use crate::convert::notes::*;
use crate::core::Severity;

impl<'a> Cx<'a, '_> {
    pub(super) fn security(&mut self, out: &mut Map<String, Value>) {
        let schemes = self
            .root
            .get("components")
            .and_then(|c| c.get("securitySchemes"))
            .and_then(Value::as_object);
        let mut candidates: Vec<(String, Value, Value)> = Vec::new();
        for (name, s) in schemes.into_iter().flatten() {
            let (s, _) = self.resolve(s);
            let sp = format!(
                "/securityDefinitions/{}",
                crate::model::pointer::escape(name)
            );
            match (
                str_of(s, "type"),
                str_of(s, "scheme").to_ascii_lowercase().as_str(),
            ) {
                ("apiKey", _) => {
                    let loc = str_of(s, "in");
                    if loc == "cookie" {
                        self.note(&CONVERT_SECURITY_SCHEME_UNSUPPORTED, Severity::Warning, "/securityDefinitions", format!("security scheme '{name}' sends the key in a cookie, which connectors cannot do"));
                        continue;
                    }
                    candidates.push((name.clone(), json!({"type": "apiKey", "in": if loc == "query" { "query" } else { "header" }, "name": str_of(s, "name")}), api_key_param()));
                }
                ("http", "basic") => {
                    candidates.push((name.clone(), json!({"type": "basic"}), basic_params()))
                }
                ("http", "bearer") => {
                    self.note(&CONVERT_BEARER_AS_API_KEY, Severity::Info, &sp, format!("bearer scheme '{name}' became an API key in the Authorization header: users enter 'Bearer <token>'"));
                    candidates.push((
                        name.clone(),
                        json!({"type": "apiKey", "in": "header", "name": "Authorization"}),
                        api_key_param(),
                    ));
                }
                ("oauth2", _) => {
                    let flows = s.get("flows");
                    if let Some(f) = flows.and_then(|f| f.get("authorizationCode")) {
                        let scopes = f
                            .get("scopes")
                            .filter(|x| x.is_object())
                            .cloned()
                            .unwrap_or_else(|| json!({}));
                        self.security_scopes.insert(
                            name.clone(),
                            scopes
                                .as_object()
                                .map(|m| m.keys().cloned().collect())
                                .unwrap_or_default(),
                        );
                        let auth = str_of(f, "authorizationUrl");
                        let token = str_of(f, "tokenUrl");
                        let refresh = f.get("refreshUrl").and_then(Value::as_str).unwrap_or(token);
                        let scope_list: Vec<&String> = scopes
                            .as_object()
                            .map(|m| m.keys().collect())
                            .unwrap_or_default();
                        let props = json!({"token": {"type": "oauthSetting", "oAuthSettings": {
                            "identityProvider": "oauth2",
                            "clientId": "[[DUMMY]]",
                            "scopes": scope_list,
                            "redirectMode": "GlobalPerConnector",
                            "properties": {"IsFirstParty": "False"},
                            "customParameters": {
                                "authorizationUrl": {"value": auth},
                                "tokenUrl": {"value": token},
                                "refreshUrl": {"value": refresh}
                            }
                        }}});
                        candidates.push((name.clone(), json!({"type": "oauth2", "flow": "accessCode", "authorizationUrl": auth, "tokenUrl": token, "scopes": scopes}), props));
                    }
                    for (flow, why) in [
                        (
                            "clientCredentials",
                            "the client credentials grant is not supported by connectors",
                        ),
                        (
                            "password",
                            "the password grant is not supported by connectors",
                        ),
                        (
                            "implicit",
                            "the implicit grant is not offered; use the authorization code flow",
                        ),
                    ] {
                        if flows.and_then(|f| f.get(flow)).is_some() {
                            self.note(
                                &CONVERT_SECURITY_SCHEME_UNSUPPORTED,
                                Severity::Warning,
                                "/securityDefinitions",
                                format!("OAuth 2.0 scheme '{name}': {why}"),
                            );
                        }
                    }
                }
                (t, sch) => {
                    let what = if t == "http" {
                        format!("http scheme '{sch}'")
                    } else {
                        format!("type '{t}'")
                    };
                    self.note(
                        &CONVERT_SECURITY_SCHEME_UNSUPPORTED,
                        Severity::Warning,
                        "/securityDefinitions",
                        format!("security scheme '{name}' ({what}) is not supported by connectors"),
                    );
                }
            }
        }
        // Prefer the first scheme the root requirement uses.
        let root_req: Vec<&Map<String, Value>> = self
            .root
            .get("security")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_object).collect())
            .unwrap_or_default();
        let chosen_idx = candidates
            .iter()
            .position(|(n, _, _)| root_req.iter().any(|r| r.contains_key(n)))
            .or(if candidates.is_empty() { None } else { Some(0) });
        let mut defs = Map::new();
        let mut conn = json!({});
        let mut security = Vec::new();
        if let Some(i) = chosen_idx
            && let Some((name, def, props)) = candidates.get(i).cloned()
        {
            let scopes: Vec<Value> = if def.get("type").and_then(Value::as_str) == Some("oauth2") {
                let defined = self.security_scopes.get(&name).cloned().unwrap_or_default();
                root_req
                    .iter()
                    .filter_map(|r| r.get(&name))
                    .flat_map(|v| v.as_array().into_iter().flatten())
                    .filter(|s| s.as_str().is_some_and(|s| defined.contains(s)))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            defs.insert(name.clone(), def);
            let mut req = Map::new();
            req.insert(name.clone(), Value::Array(scopes));
            security.push(Value::Object(req));
            conn = props;
            let others: Vec<&str> = candidates
                .iter()
                .filter(|(n, _, _)| *n != name)
                .map(|(n, _, _)| n.as_str())
                .collect();
            if !others.is_empty() {
                self.note(&CONVERT_SECURITY_CHOSEN, Severity::Info, "/securityDefinitions", format!("a connection uses one authentication: kept '{name}', not {} (several need connectionParameterSets, written by hand)", others.join(", ")));
            }
        }
        out.insert("securityDefinitions".into(), Value::Object(defs));
        out.insert("security".into(), Value::Array(security));
        out.insert("x-connkit-connection-parameters".into(), conn);
    }
}

pub(crate) fn api_key_param() -> Value {
    json!({"api_key": {"type": "securestring", "uiDefinition": {"displayName": "API Key", "description": "The API key for this API", "tooltip": "Provide your API key", "constraints": {"tabIndex": 2, "clearText": false, "required": "true"}}}})
}

pub(crate) fn basic_params() -> Value {
    json!({
        "username": {"type": "string", "uiDefinition": {"displayName": "Username", "description": "The user name for this API", "tooltip": "Provide your user name", "constraints": {"tabIndex": 2, "clearText": true, "required": "true"}}},
        "password": {"type": "securestring", "uiDefinition": {"displayName": "Password", "description": "The password for this API", "tooltip": "Provide your password", "constraints": {"tabIndex": 3, "clearText": false, "required": "true"}}}
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::map;
    use crate::convert::notes::*;
    use serde_json::json;

    #[test]
    fn the_root_requirement_chooses_the_scheme_and_unsupported_ones_are_noted() {
        let (d, codes) = map(
            json!({"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "paths": {},
            "security": [{"oauth": ["read", "undefined"]}],
            "components": {"securitySchemes": {
                "key": {"type": "apiKey", "in": "query", "name": "k"},
                "cookie": {"type": "apiKey", "in": "cookie", "name": "c"},
                "oauth": {"type": "oauth2", "flows": {
                    "authorizationCode": {"authorizationUrl": "https://a/auth", "tokenUrl": "https://a/token", "scopes": {"read": "r"}},
                    "clientCredentials": {"tokenUrl": "https://a/token", "scopes": {}}}}}}}),
        );
        assert_eq!(d["security"], json!([{"oauth": ["read"]}]));
        assert_eq!(d["securityDefinitions"]["oauth"]["flow"], "accessCode");
        assert!(d["securityDefinitions"].get("key").is_none());
        let conn = &d["x-connkit-connection-parameters"]["token"]["oAuthSettings"];
        assert_eq!(
            conn["customParameters"]["refreshUrl"]["value"],
            "https://a/token"
        );
        assert!(codes.contains(&CONVERT_SECURITY_CHOSEN.code));
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == CONVERT_SECURITY_SCHEME_UNSUPPORTED.code)
                .count(),
            2
        );
    }

    #[test]
    fn bearer_becomes_an_authorization_api_key() {
        let (d, codes) = map(
            json!({"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "paths": {},
            "components": {"securitySchemes": {"b": {"type": "http", "scheme": "Bearer"}}}}),
        );
        assert_eq!(
            d["securityDefinitions"]["b"],
            json!({"type": "apiKey", "in": "header", "name": "Authorization"})
        );
        assert!(
            d["x-connkit-connection-parameters"]
                .get("api_key")
                .is_some()
        );
        assert!(codes.contains(&CONVERT_BEARER_AS_API_KEY.code));
    }
}
