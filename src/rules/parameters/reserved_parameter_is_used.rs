use super::*;
use crate::rules::prelude::*;

/// Headers the gateway sets itself (hop-by-hop or framing headers).
const RESERVED_HEADERS: [&str; 6] = [
    "content-length",
    "host",
    "connection",
    "transfer-encoding",
    "keep-alive",
    "upgrade",
];

crate::declare_code! {
    /// A header parameter names a header the gateway sets itself
    ///
    /// ### Why
    /// Microsoft does not publish its list of reserved parameter names (besides `connectionId`, see
    /// ConnectionIdParameterNotAllowed), so connkit cannot decide this rule from the files alone
    /// and reports it as info. It flags header parameters that name framing or hop-by-hop headers
    /// (`Content-Length`, `Host`, `Connection`, `Transfer-Encoding`, `Keep-Alive`, `Upgrade`): the
    /// gateway computes these itself and a user-supplied value is dropped or rejected.
    ///
    /// ### Example
    /// Bad: `{"name": "Content-Length", "in": "header", "type": "string"}`
    /// Good: no such parameter: the gateway sets `Content-Length` itself
    pub(crate) static RESERVED_PARAMETER_IS_USED: Rule {
        code: "ReservedParameterIsUsed",
        severity: Severity::Info,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if s(v, "in") == Some("header")
            && let Some(n) = s(v, "name")
            && RESERVED_HEADERS.contains(&n.to_ascii_lowercase().as_str())
        {
            sink.emit(
                join(&ptr, "name"),
                format!("header '{n}' is set by the gateway"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn framing_header() {
        let d = with_param(json!({"name": "Content-Length", "in": "header", "type": "string"}));
        let d_2 = with_param(json!({"name": "X-Length", "in": "header", "type": "string"}));
        Tester::new(
            &RESERVED_PARAMETER_IS_USED,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1/name")])],
        )
        .test();
    }
}
