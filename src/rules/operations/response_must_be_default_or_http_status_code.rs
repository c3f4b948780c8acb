use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A response key that is neither `default` nor a 3-digit status code
    ///
    /// ### Why
    /// Response keys are HTTP status codes (`200`, `404`) or `default`. Ranges such as `2XX` are
    /// OpenAPI 3 only. Extension keys (`x-…`) are allowed.
    ///
    /// ### Example
    /// Bad: `"responses": {"2XX": {"description": "OK"}}`
    /// Good: `"responses": {"200": {"description": "OK"}, "default": {"description": "Error"}}`
    pub(crate) static RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE: Rule {
        code: "ResponseMustBeDefaultOrHttpStatusCode",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let Some(m) = op.get("responses").and_then(Value::as_object) else {
            continue;
        };
        let base = join(&op.pointer, "responses");
        for k in m.keys() {
            let ok = k == "default"
                || k.starts_with("x-")
                || (k.len() == 3
                    && k.bytes().all(|b| b.is_ascii_digit())
                    && (b"12345").contains(&k.as_bytes()[0]));
            if !ok {
                sink.emit(
                    join(&base, k),
                    format!("response key '{k}' must be 'default' or an HTTP status code"),
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
    fn range_key() {
        let mut d = minimal();
        d.pointer_mut(OP).unwrap()["responses"] =
            json!({"400": {"description": "bad"}, "2XX": {"description": "x"}});
        Tester::new(
            &RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE,
            vec![minimal()],
            vec![fail(d).at([format!("{OP}/responses/2XX")])],
        )
        .test();
    }
}
