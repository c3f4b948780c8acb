use super::*;

pub static JSON_POINTER_NOT_VALID: Rule = Rule {
    code: "JsonPointerNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `$ref` that is not a local JSON pointer (remote, malformed or not a string)",
    explanation: "Connector definitions are single files: every `$ref` must be a local pointer \
such as `#/definitions/Item`. References to other files or URLs are never resolved by the \
platform (and never fetched by connkit).",
    source: SV,
    check: |cx, sink| {
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
    },
};
