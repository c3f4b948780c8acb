use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `enum: []`
    ///
    /// ### Why
    /// An empty `enum` allows no value at all. Remove it or list the values.
    pub static ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT: Rule {
        code: "EnumMustContainAtLeastOneElement",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
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
