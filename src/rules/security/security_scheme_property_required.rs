use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A security scheme lacks a key its type or OAuth flow needs
    ///
    /// ### Why
    /// `apiKey` needs `name` and `in` (`header` or `query`); `oauth2` needs `flow` and the URLs of
    /// that flow (`accessCode` needs both `authorizationUrl` and `tokenUrl`).
    ///
    /// ### Example
    /// Bad: `{"type": "apiKey", "in": "header"}`
    /// Good: `{"type": "apiKey", "name": "X-Api-Key", "in": "header"}`.
    pub static SECURITY_SCHEME_PROPERTY_REQUIRED: Rule {
        code: "SecuritySchemePropertyRequired",
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
