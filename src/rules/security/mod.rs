//! Security scheme objects. The requirement rules
//! live in `references/`.

use serde_json::Value;

use super::Rule;
use crate::model::pointer::join;

pub(crate) const RULES: &[&Rule] = &[
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
mod security_scheme_property_not_valid;
mod security_scheme_property_required;

pub(crate) use security_scheme_property_not_valid::*;
pub(crate) use security_scheme_property_required::*;
