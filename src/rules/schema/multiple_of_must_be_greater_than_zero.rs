use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `multipleOf` is zero or negative
    ///
    /// ### Why
    /// `multipleOf` must be a number greater than 0.
    pub static MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO: Rule {
        code: "MultipleOfMustBeGreaterThanZero",
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
        if let Some(m) = n.num("multipleOf")
            && m <= 0.0
        {
            sink.emit(
                n.at("multipleOf"),
                format!("multipleOf {m} must be greater than 0"),
            );
        }
    }
}
