use super::*;

pub static SCHEME_NOT_SUPPORTED: Rule = Rule {
    code: "SchemeNotSupported",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`schemes` lists ws or wss",
    explanation: "WebSocket schemes are valid Swagger but connectors cannot use them.",
    source: SV,
    check: |cx, sink| {
        let Some(arr) = schemes(cx).and_then(Value::as_array) else {
            return;
        };
        for (i, s) in arr.iter().enumerate() {
            if let Some(x @ ("ws" | "wss")) = s.as_str() {
                sink.emit(
                    join("/schemes", &i.to_string()),
                    format!("scheme '{x}' is not supported by connectors"),
                );
            }
        }
    },
};
