use super::*;

pub static REQUIRED_PROPERTY_NOT_ON_OBJECT: Rule = Rule {
    code: "RequiredPropertyNotOnObject",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `required` list on a schema that is not an object",
    explanation: "A list of required property names only makes sense on `type: object`. On a \
string or array it is refused; mark the *parent's* `required` instead.\n\n\
Evidence: a **warning**. Microsoft's validator lets it through: validated merges of 7 \
connectors (e.g. Blueink 2023) carry required lists on array schemas, and the platform \
ignores them.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            if let (Some(Value::Array(_)), Some(ty)) = (n.get("required"), n.ty())
                && ty != "object"
            {
                sink.emit(
                    n.at("required"),
                    format!("`required` lists property names, but this schema is '{ty}'"),
                );
            }
        }
    },
};
