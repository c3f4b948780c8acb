use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `enum: []`
    ///
    /// ### Why
    /// An empty `enum` allows no value at all. Remove it or list the values.
    ///
    /// ### Example
    /// Bad: `{"type": "string", "enum": []}`
    /// Good: `{"type": "string", "enum": ["open", "closed"]}`
    pub(crate) static ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT: Rule {
        code: "EnumMustContainAtLeastOneElement",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx) {
        if n.get("enum")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            sink.emit(n.at("enum"), "`enum` is empty");
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
    fn empty_enum() {
        Tester::new(
            &ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT,
            vec![with_param(json!({"enum": ["a"]}))],
            vec![
                fail(with_param(json!({"enum": []})))
                    .at([format!("{P0}/enum")])
                    .then(|f| {
                        assert_eq!(f[0].message, "`enum` is empty");
                    }),
            ],
        )
        .test();
    }
}
