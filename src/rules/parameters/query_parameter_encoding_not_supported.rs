use super::*;
use crate::rules::opkit::fix_target;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `in: query` parameter carries `x-ms-url-encoding`
    ///
    /// ### Why
    /// Query values are always encoded once; `x-ms-url-encoding` is only for path parameters.
    /// Remove it.
    ///
    /// ### Example
    /// Bad: `{"name": "q", "in": "query", "type": "string", "x-ms-url-encoding": "single"}`
    /// Good: `{"name": "q", "in": "query", "type": "string"}`
    ///
    /// ### Evidence
    /// Calibration: the catalog infers an error, but Bloomflow and PDF4me Connect (certified,
    /// 2024), WPForms (certified, 2023) and HubSpot CRM (independent publisher, 2023) were merged
    /// with it, so Microsoft does not block on it (the platform ignores the key on queries);
    /// connkit warns.
    pub(crate) static QUERY_PARAMETER_ENCODING_NOT_SUPPORTED: Rule {
        code: "QueryParameterEncodingNotSupported",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
        fix: Some(&FIX),
    }
}

static FIX: Fix = Fix {
    summary: "remove x-ms-url-encoding from the query parameter",
    apply: fix,
};

fn fix(doc: &mut Value, ptr: &str) -> bool {
    let Some(o) = fix_target(doc, ptr, "x-ms-url-encoding") else {
        return false;
    };
    if o.get("in").and_then(Value::as_str) == Some("query") {
        return o.remove("x-ms-url-encoding").is_some();
    }
    false
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if s(v, "in") == Some("query") && v.get("x-ms-url-encoding").is_some() {
            sink.emit(
                join(&ptr, "x-ms-url-encoding"),
                "query parameters cannot set x-ms-url-encoding",
            );
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
    fn encoding_on_query() {
        let d = with_param(
            json!({"name": "q", "in": "query", "type": "string", "x-ms-url-encoding": "single"}),
        );
        let d_2 = with_param(json!({"name": "q", "in": "query", "type": "string"}));
        Tester::new(
            &QUERY_PARAMETER_ENCODING_NOT_SUPPORTED,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1/x-ms-url-encoding")])],
        )
        .test();
    }
}
