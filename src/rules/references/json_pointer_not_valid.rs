use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `$ref` that is not a local JSON pointer (remote, malformed or not a string)
    ///
    /// ### Why
    /// Connector definitions are single files: every `$ref` must be a local pointer such as
    /// `#/definitions/Item`. References to other files or URLs are never resolved by the platform
    /// (and never fetched by connkit).
    pub static JSON_POINTER_NOT_VALID: Rule {
        code: "JsonPointerNotValid",
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
    for s in sites(cx).iter() {
        match s.value.as_str() {
            Some(r) if r.starts_with("#/") || r == "#" => {}
            Some(r) => sink.emit(
                join(&s.at, "$ref"),
                format!("'{r}' is not a local reference (#/…)"),
            ),
            None => sink.emit(join(&s.at, "$ref"), "`$ref` must be a string"),
        }
    }
}
