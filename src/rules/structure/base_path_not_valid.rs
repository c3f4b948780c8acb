use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `basePath` does not start with `/`
    ///
    /// ### Why
    /// `basePath` is appended to the host and must begin with a slash (`/` alone is fine).
    pub static BASE_PATH_NOT_VALID: Rule {
        code: "BasePathNotValid",
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
    let Some(bp) = cx
        .connector
        .definition_value()
        .and_then(|r| r.get("basePath"))
    else {
        return;
    };
    match bp.as_str() {
        Some(s) if s.starts_with('/') => {}
        Some(s) => sink.emit("/basePath", format!("basePath '{s}' must start with '/'")),
        None => sink.emit("/basePath", "`basePath` must be a string"),
    }
}
