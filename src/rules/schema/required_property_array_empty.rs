use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A schema has `required: []`
    ///
    /// ### Why
    /// An empty `required` list says nothing and is refused (draft-04 JSON Schema, which Swagger
    /// 2.0 builds on, requires at least one name). Remove the key.
    pub static REQUIRED_PROPERTY_ARRAY_EMPTY: Rule {
        code: "RequiredPropertyArrayEmpty",
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
    for n in nodes(cx).iter().filter(|n| n.is_schema()) {
        if n.get("required")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            sink.emit(n.at("required"), "`required` is empty: remove it");
        }
    }
}
