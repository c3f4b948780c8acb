use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `in: body` parameter without `schema`
    ///
    /// ### Why
    /// A body parameter describes its payload with `schema` (even a plain string body: `{"type":
    /// "string"}`).
    pub static BODY_PARAMETER_SCHEMA_REQUIRED: Rule {
        code: "BodyParameterSchemaRequired",
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
    for (ptr, v) in written(cx) {
        if s(v, "in") == Some("body") && v.get("schema").is_none() {
            sink.emit(ptr, "body parameter has no schema");
        }
    }
}
