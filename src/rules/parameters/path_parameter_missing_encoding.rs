use super::*;
use crate::rules::opkit::fix_target;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `in: path` parameter without `x-ms-url-encoding`
    ///
    /// ### Why
    /// Say how the value is encoded into the URL: `"x-ms-url-encoding": "single"` normally,
    /// `"double"` when values may contain `/` and the service decodes twice. Microsoft's validator
    /// warns when it is missing.
    ///
    /// ### Example
    /// Bad: `{"name": "taskId", "in": "path", "required": true, "type": "string"}`
    /// Good: `{"name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-url-encoding":
    /// "single"}`
    pub(crate) static PATH_PARAMETER_MISSING_ENCODING: Rule {
        code: "PathParameterMissingEncoding",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
        fix: Some(&FIX),
    }
}

static FIX: Fix = Fix {
    summary: "add \"x-ms-url-encoding\": \"single\"",
    apply: fix,
};

fn fix(doc: &mut Value, ptr: &str) -> bool {
    let Some(o) = fix_target(doc, ptr, "x-ms-url-encoding") else {
        return false;
    };
    if o.get("in").and_then(Value::as_str) != Some("path") || o.contains_key("x-ms-url-encoding") {
        return false;
    }
    o.insert("x-ms-url-encoding".into(), Value::String("single".into()));
    true
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if s(v, "in") == Some("path") && v.get("x-ms-url-encoding").is_none() {
            sink.emit(
                ptr,
                format!(
                    "path parameter '{}' has no x-ms-url-encoding (add \"single\")",
                    s(v, "name").unwrap_or("?")
                ),
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
    fn no_url_encoding() {
        let mut d = minimal();
        d.pointer_mut(&format!("{OP}/parameters/0"))
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("x-ms-url-encoding");
        Tester::new(
            &PATH_PARAMETER_MISSING_ENCODING,
            vec![minimal()],
            vec![fail(d).at([format!("{OP}/parameters/0")])],
        )
        .test();
    }

    #[test]
    fn url_encoding_fix_adds_single_only_on_path_parameters() {
        let mut d = json!({"p": [{"name": "id", "in": "path"}, {"name": "q", "in": "query"}]});
        assert!(fix(&mut d, "/p/0"));
        assert_eq!(d["p"][0]["x-ms-url-encoding"], "single");
        assert!(!fix(&mut d, "/p/0"), "second run changes nothing");
        assert!(!fix(&mut d, "/p/1"));
        assert!(d["p"][1].get("x-ms-url-encoding").is_none());
    }
}
