use super::*;
use crate::rules::opkit::fix_target;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `in: path` parameter without `required: true`
    ///
    /// ### Why
    /// Path parameters are always required: a URL cannot be built without them.
    ///
    /// ### Example
    /// Bad: `{"name": "taskId", "in": "path", "type": "string"}`
    /// Good: `{"name": "taskId", "in": "path", "required": true, "type": "string"}`
    pub(crate) static PATH_PARAMETER_MUST_BE_REQUIRED: Rule {
        code: "PathParameterMustBeRequired",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The parameter must be marked as required as it is used in the operation path."),
        file: FileKind::Definition,
        source: SV,
        check,
        fix: Some(&FIX),
    }
}

static FIX: Fix = Fix {
    summary: "set \"required\": true",
    apply: fix,
};

fn fix(doc: &mut Value, ptr: &str) -> bool {
    let Some(o) = fix_target(doc, ptr, "required") else {
        return false;
    };
    if o.get("in").and_then(Value::as_str) != Some("path")
        || o.get("required") == Some(&Value::Bool(true))
    {
        return false;
    }
    o.insert("required".into(), Value::Bool(true));
    true
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for p in sw.param_nodes() {
        if p.value.get("in").and_then(Value::as_str) == Some("path")
            && p.value.get("required").and_then(Value::as_bool) != Some(true)
        {
            let name = p.value.get("name").and_then(Value::as_str).unwrap_or("?");
            sink.emit(
                p.pointer.clone(),
                format!("path parameter '{name}' must have \"required\": true"),
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
    fn optional_path_parameter() {
        let mut d = minimal();
        let p = d.pointer_mut(&format!("{OP}/parameters/0")).unwrap();
        p["name"] = json!("id");
        p["required"] = json!(false);
        Tester::new(
            &PATH_PARAMETER_MUST_BE_REQUIRED,
            vec![minimal()],
            vec![fail(d).at([format!("{OP}/parameters/0")])],
        )
        .test();
    }
}
