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
    ///
    /// ### Example
    /// Bad: `{"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://a", "tokenUrl": "https://t"}`
    /// Good: `{"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://a"}`
    pub(crate) static SECURITY_SCHEME_PROPERTY_NOT_VALID: Rule {
        code: "SecuritySchemePropertyNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn key_the_scheme_does_not_use() {
        let def = |o: Value| patch(minimal(), json!({"securityDefinitions": {"o": o}}));
        let bad = def(
            json!({"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://a", "tokenUrl": "https://t"}),
        );
        // Near miss: the same flow without `tokenUrl`, and extensions, are fine.
        let good = def(
            json!({"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://a", "scopes": {}, "x-ms-x": 1}),
        );
        let good_2 = patch(
            minimal(),
            json!({"securityDefinitions": {
                "k": {"type": "apiKey", "name": "X-Key", "in": "header", "description": "d"},
                "o": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a", "tokenUrl": "https://t", "scopes": {}},
                "b": {"type": "basic"}}}),
        );
        Tester::new(
            &SECURITY_SCHEME_PROPERTY_NOT_VALID,
            vec![good, good_2],
            vec![fail(bad).at(["/securityDefinitions/o/tokenUrl"]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "'tokenUrl' is not valid for a oauth2 security scheme"
                );
            })],
        )
        .test();
    }
}
