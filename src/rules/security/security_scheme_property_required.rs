use super::*;

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
