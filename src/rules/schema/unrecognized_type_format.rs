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
    /// ### Example
    /// Bad: `{"type": "string", "format": "guid"}`
    /// Good: `{"type": "string", "format": "uuid"}`
    ///
    /// ### Evidence
    /// Calibration: a warning, not an error. Unknown formats are common (`guid`, `enum`, `decimal`,
    /// `phone`, `duration`, `url`, 722 findings in 29 public connectors) and 4 certified connectors
    /// changed in 2024 with formats such as `""`, `string` or `integer` passed Microsoft's
    /// validator, so the platform does not refuse them; they are simply ignored.
    pub(crate) static UNRECOGNIZED_TYPE_FORMAT: Rule {
        code: "UnrecognizedTypeFormat",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::core::Severity;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn unknown_format() {
        Tester::new(
            &UNRECOGNIZED_TYPE_FORMAT,
            vec![
                // The Good example, and a format of another type.
                with_def(json!({"type": "string", "format": "uuid"})),
                with_def(json!({"type": "integer", "format": "int64"})),
            ],
            vec![
                fail(with_def(json!({"type": "integer", "format": "uuid"})))
                    .at(["/definitions/X/format"]),
                // The Bad example.
                fail(with_def(json!({"type": "string", "format": "guid"})))
                    .at(["/definitions/X/format"])
                    .then(|f| {
                        assert_eq!(f[0].severity, Severity::Warning);
                        assert_eq!(f[0].message, "format 'guid' is not known for type 'string'");
                    }),
            ],
        )
        .test();
    }
}
