use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A response declares the same header twice
    ///
    /// ### Why
    /// HTTP header names are case-insensitive: `Location` and `location` are the same header. Keep
    /// one.
    ///
    /// ### Example
    /// Bad: `"headers": {"Location": {"type": "string"}, "location": {"type": "string"}}`
    /// Good: `"headers": {"Location": {"type": "string"}}`
    pub(crate) static RESPONSE_HEADERS_ARE_NOT_UNIQUE: Rule {
        code: "ResponseHeadersAreNotUnique",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for r in sw.response_nodes() {
        let Some(h) = r.value.get("headers").and_then(Value::as_object) else {
            continue;
        };
        let mut seen: HashMap<String, &str> = HashMap::new();
        for k in h.keys() {
            if let Some(prev) = seen.insert(k.to_ascii_lowercase(), k) {
                sink.emit(
                    join(&join(&r.pointer, "headers"), k),
                    format!("header '{k}' is already declared as '{prev}'"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn header_declared_twice() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {"200": {
                "headers": {"Location": {"type": "string"}, "location": {"type": "string"}}}}}}}}),
        );
        Tester::new(
            &RESPONSE_HEADERS_ARE_NOT_UNIQUE,
            vec![minimal()],
            vec![
                fail(def)
                    .at([format!("{GET}/responses/200/headers/location")])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "header 'location' is already declared as 'Location'"
                        );
                    }),
            ],
        )
        .test();
    }
}
