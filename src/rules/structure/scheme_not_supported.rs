use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `schemes` lists ws or wss
    ///
    /// ### Why
    /// WebSocket schemes are valid Swagger but connectors cannot use them.
    pub static SCHEME_NOT_SUPPORTED: Rule {
        code: "SchemeNotSupported",
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
}
