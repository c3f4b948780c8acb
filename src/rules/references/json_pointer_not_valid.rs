use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `$ref` that is not a local JSON pointer (remote, malformed or not a string)
    ///
    /// ### Why
    /// Connector definitions are single files: every `$ref` must be a local pointer such as
    /// `#/definitions/Item`. References to other files or URLs are never resolved by the platform
    /// (and never fetched by connkit).
    ///
    /// ### Example
    /// Bad: `{"$ref": "http://contoso.com/schemas.json#/Task"}`
    /// Good: `{"$ref": "#/definitions/Task"}`
    pub(crate) static JSON_POINTER_NOT_VALID: Rule {
        code: "JsonPointerNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for s in sites(cx).iter() {
        match s.value.as_str() {
            Some(r) if r.starts_with("#/") || r == "#" => {}
            Some(r) => sink.emit(
                join(&s.at, "$ref"),
                format!("'{r}' is not a local reference (#/…)"),
            ),
            None => sink.emit(join(&s.at, "$ref"), "`$ref` must be a string"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn remote_or_non_string_ref() {
        let d = patch(
            minimal(),
            json!({"definitions": {"C": {"$ref": "http://contoso.com/schemas.json#/Task"}, "D": {"$ref": 1}, "E": {"$ref": "#/definitions/Task"}}}),
        );
        Tester::new(
            &JSON_POINTER_NOT_VALID,
            vec![patch(
                minimal(),
                json!({"definitions": {"E": {"$ref": "#/definitions/Task"}}}),
            )],
            vec![
                fail(d)
                    .at(["/definitions/C/$ref", "/definitions/D/$ref"])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "'http://contoso.com/schemas.json#/Task' is not a local reference (#/…)"
                        );
                        assert_eq!(f[1].message, "`$ref` must be a string");
                    }),
            ],
        )
        .test();
    }
}
