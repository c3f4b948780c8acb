use super::*;
use crate::model::types::format_known;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `type`/`format` pair the platform does not know
    ///
    /// ### Why
    /// Known formats: `int32`, `int64` for integers; `float`, `double` for numbers; `byte`,
    /// `binary`, `date`, `date-time`, `date-no-tz`, `password`, `email`, `html`, `uri`, `uuid` for
    /// strings. Other formats change nothing at run time and make the validator complain; remove
    /// them or use `x-ms-summary`/`description` to document the shape.
    ///
    /// ### Evidence
    /// Calibration: a warning, not an error. Unknown formats are common (`guid`, `enum`, `decimal`,
    /// `phone`, `duration`, `url`, 722 findings in 29 public connectors) and 4 certified connectors
    /// changed in 2024 with formats such as `""`, `string` or `integer` passed Microsoft's
    /// validator, so the platform does not refuse them; they are simply ignored.
    pub static UNRECOGNIZED_TYPE_FORMAT: Rule {
        code: "UnrecognizedTypeFormat",
        severity: Severity::Warning,
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
        let Some(f) = n.str("format") else {
            continue;
        };
        let ty = n.ty();
        if !format_known(ty, f) {
            sink.emit(
                n.at("format"),
                match ty {
                    Some(t) => format!("format '{f}' is not known for type '{t}'"),
                    None => format!("format '{f}' is not a known format"),
                },
            );
        }
    }
}
