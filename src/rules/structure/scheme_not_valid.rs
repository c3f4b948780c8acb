use super::*;

pub static SCHEME_NOT_VALID: Rule = Rule {
    code: "SchemeNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`schemes` holds something other than http or https",
    explanation: "Connectors call services over `http` or `https` only (certified connectors \
should use `https`).",
    source: SV,
    check: |cx, sink| {
        let Some(arr) = schemes(cx).and_then(Value::as_array) else {
            return;
        };
        for (i, s) in arr.iter().enumerate() {
            match s.as_str() {
                Some("http" | "https" | "ws" | "wss") => {}
                _ => sink.emit(
                    format!("/schemes/{i}"),
                    format!("scheme {s} is not valid: use \"https\""),
                ),
            }
        }
    },
};
