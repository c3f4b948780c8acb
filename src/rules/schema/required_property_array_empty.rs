use super::*;
use crate::rules::opkit::fix_target;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A schema has `required: []`
    ///
    /// ### Why
    /// An empty `required` list says nothing and is refused (draft-04 JSON Schema, which Swagger
    /// 2.0 builds on, requires at least one name). Remove the key.
    ///
    /// ### Example
    /// Bad: `{"type": "object", "required": [], "properties": {…}}`
    /// Good: `{"type": "object", "properties": {…}}`
    pub(crate) static REQUIRED_PROPERTY_ARRAY_EMPTY: Rule {
        code: "RequiredPropertyArrayEmpty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
        fix: Some(&FIX),
    }
}

static FIX: Fix = Fix {
    summary: "remove the empty \"required\": []",
    apply: fix,
};

fn fix(doc: &mut Value, ptr: &str) -> bool {
    let Some(o) = fix_target(doc, ptr, "required") else {
        return false;
    };
    if o.get("required")
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
    {
        o.remove("required");
        return true;
    }
    false
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx).iter().filter(|n| n.is_schema()) {
        if n.get("required")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            sink.emit(n.at("required"), "`required` is empty: remove it");
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
    fn empty_required_list() {
        Tester::new(
            &REQUIRED_PROPERTY_ARRAY_EMPTY,
            vec![with_def(
                json!({"type": "object", "required": ["a"], "properties": {"a": {}}}),
            )],
            vec![
                fail(with_def(json!({"type": "object", "required": []})))
                    .at(["/definitions/X/required"])
                    .then(|f| {
                        assert_eq!(f[0].message, "`required` is empty: remove it");
                    }),
            ],
        )
        .test();
    }

    #[test]
    fn empty_required_is_removed_but_not_a_filled_one() {
        let mut d = json!({"a": {"required": []}, "b": {"required": ["x"]}});
        assert!(fix(&mut d, "/a/required"));
        assert!(d["a"].get("required").is_none());
        assert!(!fix(&mut d, "/b"));
    }
}
