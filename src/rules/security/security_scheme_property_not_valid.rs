use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A security scheme has a key that its type or OAuth flow does not use
    ///
    /// ### Why
    /// Each scheme type has its own keys: `basic` only `type` and `description`; `apiKey` adds
    /// `name` and `in`; `oauth2` adds `flow`, `scopes` and the URLs its flow needs (`implicit`:
    /// `authorizationUrl`; `password`/`application`: `tokenUrl`; `accessCode`: both). Extra keys
    /// (such as `tokenUrl` on an implicit flow) are rejected; remove them. Extensions (`x-…`) are
    /// allowed.
    pub static SECURITY_SCHEME_PROPERTY_NOT_VALID: Rule {
        code: "SecuritySchemePropertyNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
