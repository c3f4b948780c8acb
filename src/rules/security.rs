//! Security scheme objects (catalog §3.5 #121-122; §4.8 AUTH-03). The requirement rules
//! (§3.7) live in `references.rs`.

use serde_json::Value;

use super::Rule;
use super::opkit::def_rule;
use crate::model::pointer::join;

pub const RULES: &[&Rule] = &[
    &SECURITY_SCHEME_PROPERTY_NOT_VALID,
    &SECURITY_SCHEME_PROPERTY_REQUIRED,
];

/// (required keys, other allowed keys) for a scheme, or None when the type/flow is unknown
/// (another rule reports unknown enum values).
fn shape(def: &Value) -> Option<(&'static [&'static str], &'static [&'static str])> {
    let ty = def.get("type").and_then(Value::as_str)?;
    Some(match ty {
        "basic" => (&[], &[]),
        "apiKey" => (&["name", "in"], &[]),
        "oauth2" => match def.get("flow").and_then(Value::as_str) {
            Some("implicit") => (&["flow", "authorizationUrl"], &["scopes"]),
            Some("password" | "application") => (&["flow", "tokenUrl"], &["scopes"]),
            Some("accessCode") => (&["flow", "authorizationUrl", "tokenUrl"], &["scopes"]),
            None => (&["flow"], &["scopes", "authorizationUrl", "tokenUrl"]),
            Some(_) => return None,
        },
        _ => return None,
    })
}

fn schemes(root: Option<&Value>) -> impl Iterator<Item = (String, &Value)> {
    root.and_then(|r| r.get("securityDefinitions"))
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(k, v)| (join("/securityDefinitions", k), v))
}

def_rule!(
    SECURITY_SCHEME_PROPERTY_NOT_VALID,
    "SecuritySchemePropertyNotValid",
    Error,
    ALL,
    "A security scheme has a key that its type or OAuth flow does not use",
    "Each scheme type has its own keys: `basic` only `type` and `description`; `apiKey` adds \
`name` and `in`; `oauth2` adds `flow`, `scopes` and the URLs its flow needs (`implicit`: \
`authorizationUrl`; `password`/`application`: `tokenUrl`; `accessCode`: both). Extra keys \
(such as `tokenUrl` on an implicit flow) are rejected; remove them. Extensions (`x-…`) are \
allowed.",
    |cx, sink| {
        for (at, def) in schemes(cx.connector.definition_value()) {
            let (Some((req, opt)), Some(m)) = (shape(def), def.as_object()) else {
                continue;
            };
            for k in m.keys() {
                let k = k.as_str();
                if k != "type"
                    && k != "description"
                    && !k.starts_with("x-")
                    && !req.contains(&k)
                    && !opt.contains(&k)
                {
                    sink.emit(
                        join(&at, k),
                        format!(
                            "'{k}' is not valid for a {} security scheme",
                            def.get("type").and_then(Value::as_str).unwrap_or("?")
                        ),
                    );
                }
            }
        }
    }
);

def_rule!(
    SECURITY_SCHEME_PROPERTY_REQUIRED,
    "SecuritySchemePropertyRequired",
    Error,
    ALL,
    "A security scheme lacks a key its type or OAuth flow needs",
    "`apiKey` needs `name` and `in` (`header` or `query`); `oauth2` needs `flow` and the URLs of \
that flow (`accessCode` needs both `authorizationUrl` and `tokenUrl`).\n\nBad: `{\"type\": \
\"apiKey\", \"in\": \"header\"}`  Good: `{\"type\": \"apiKey\", \"name\": \"X-Api-Key\", \
\"in\": \"header\"}`.",
    |cx, sink| {
        for (at, def) in schemes(cx.connector.definition_value()) {
            let Some((req, _)) = shape(def) else { continue };
            for k in req {
                if def.get(*k).is_none() {
                    sink.emit(
                        at.clone(),
                        format!(
                            "a {} security scheme requires '{k}'",
                            def.get("type").and_then(Value::as_str).unwrap_or("?")
                        ),
                    );
                }
            }
        }
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn scheme_shapes() {
        let good = patch(
            minimal(),
            json!({"securityDefinitions": {
                "k": {"type": "apiKey", "name": "X-Key", "in": "header", "description": "d"},
                "o": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a", "tokenUrl": "https://t", "scopes": {}},
                "b": {"type": "basic"}}}),
        );
        for r in RULES {
            assert!(run(r, good.clone()).is_empty(), "{}", r.code);
        }
        let bad = patch(
            minimal(),
            json!({"securityDefinitions": {
                "k": {"type": "apiKey", "in": "header"},
                "o": {"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://a", "tokenUrl": "https://t"}}}),
        );
        assert_eq!(
            pointers(&run(&SECURITY_SCHEME_PROPERTY_NOT_VALID, bad.clone())),
            vec!["/securityDefinitions/o/tokenUrl"]
        );
        assert_eq!(
            pointers(&run(&SECURITY_SCHEME_PROPERTY_REQUIRED, bad)),
            vec!["/securityDefinitions/k"]
        );
    }
}
