use super::*;

pub static ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT: Rule = Rule {
    code: "EnumMustContainAtLeastOneElement",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`enum: []`",
    explanation: "An empty `enum` allows no value at all. Remove it or list the values.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            if n.get("enum")
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty)
            {
                sink.emit(n.at("enum"), "`enum` is empty");
            }
        }
    },
};
