use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `schemes` lists ws or wss
    ///
    /// ### Why
    /// WebSocket schemes are valid Swagger but connectors cannot use them.
    ///
    /// ### Example
    /// Bad: `"schemes": ["https", "wss"]`
    /// Good: `"schemes": ["https"]`
    pub static SCHEME_NOT_SUPPORTED: Rule {
        code: "SchemeNotSupported",
        severity: Severity::Error,
        gate: Gate::Pipeline,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn websocket_scheme() {
        let def = patch(minimal(), json!({"schemes": ["https", "ftp", "wss"]}));
        let f = run(&SCHEME_NOT_SUPPORTED, def);
        assert_eq!(pointers(&f), vec!["/schemes/2"]);
        assert_eq!(f[0].message, "scheme 'wss' is not supported by connectors");
        assert!(run(&SCHEME_NOT_SUPPORTED, minimal()).is_empty());
    }
}
