use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A security requirement whose value is not a list
    ///
    /// ### Why
    /// The value of each requirement is a list of scopes: `[]` for basic and API key schemes.
    pub static SECURITY_REQUIREMENT_MUST_HAVE_VALUE: Rule {
        code: "SecurityRequirementMustHaveValue",
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
    for (at, name, v) in requirement_entries(cx) {
        if !v.is_array() {
            sink.emit(at, format!("requirement '{name}' must be a list (use [])"));
        }
    }
}
