use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `schemes` holds something other than http or https
    ///
    /// ### Why
    /// Connectors call services over `http` or `https` only (certified connectors should use
    /// `https`).
    ///
    /// ### Example
    /// Bad: `"schemes": ["https", "ftp"]`
    /// Good: `"schemes": ["https"]`
    pub(crate) static SCHEME_NOT_VALID: Rule {
        code: "SchemeNotValid",
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
        match s.as_str() {
            Some("http" | "https" | "ws" | "wss") => {}
            _ => sink.emit(
                format!("/schemes/{i}"),
                format!("scheme {s} is not valid: use \"https\""),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn scheme_other_than_http() {
        let def = patch(minimal(), json!({"schemes": ["https", "ftp", "wss"]}));
        Tester::new(
            &SCHEME_NOT_VALID,
            vec![minimal()],
            vec![fail(def).at(["/schemes/1"]).then(|f| {
                assert_eq!(f[0].message, "scheme \"ftp\" is not valid: use \"https\"");
            })],
        )
        .test();
    }
}
