use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A security scheme lacks a key its type or OAuth flow needs
    ///
    /// ### Why
    /// `apiKey` needs `name` and `in` (whose value, `header` or `query`, JsonValueNotInEnum
    /// checks); `oauth2` needs `flow` and the URLs of that flow (`accessCode` needs both
    /// `authorizationUrl` and `tokenUrl`).
    ///
    /// ### Example
    /// Bad: `{"type": "apiKey", "in": "header"}`
    /// Good: `{"type": "apiKey", "name": "X-Api-Key", "in": "header"}`.
    pub(crate) static SECURITY_SCHEME_PROPERTY_REQUIRED: Rule {
        code: "SecuritySchemePropertyRequired",
        severity: Severity::Error,
        gate: Gate::Pipeline,
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
                        "the {} security scheme requires '{k}'",
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
    fn missing_key_of_the_scheme() {
        let def = |k: Value| patch(minimal(), json!({"securityDefinitions": {"k": k}}));
        Tester::new(
            &SECURITY_SCHEME_PROPERTY_REQUIRED,
            // The Good example.
            vec![def(json!({"type": "apiKey", "name": "X-Api-Key", "in": "header"}))],
            vec![
                // The Bad example.
                fail(def(json!({"type": "apiKey", "in": "header"})))
                    .at(["/securityDefinitions/k"])
                    .then(|f| {
                        assert_eq!(f[0].message, "the apiKey security scheme requires 'name'");
                    }),
                // accessCode needs both URLs.
                fail(def(
                    json!({"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a"}),
                ))
                .count(1)
                .then(|f| assert!(f[0].message.contains("'tokenUrl'"))),
            ],
        )
        .test();
    }
}
