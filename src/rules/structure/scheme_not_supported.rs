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
    pub(crate) static SCHEME_NOT_SUPPORTED: Rule {
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
        Tester::new(
            &SCHEME_NOT_SUPPORTED,
            vec![minimal()],
            vec![fail(def).at(["/schemes/2"]).then(|f| {
                assert_eq!(f[0].message, "scheme 'wss' is not supported by connectors");
            })],
        )
        .test();
    }
}
