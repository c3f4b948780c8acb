use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `host` is not a bare host name with an optional port
    ///
    /// ### Why
    /// `host` holds only the name (and port) of the server: no scheme, no path, no spaces, no
    /// braces. Put the path in `basePath` and the scheme in `schemes`. For hosts that vary per
    /// connection, use a connection parameter with the `dynamichosturl` policy template.
    ///
    /// ### Example
    /// Bad: `"host": "https://api.contoso.com/v1"`
    /// Good: `"host": "api.contoso.com", "basePath": "/v1"`
    pub(crate) static HOST_NAME_NOT_VALID: Rule {
        code: "HostNameNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The 'host' property, if present, must be a valid URI host without a scheme or path."),
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(host) = cx.connector.definition_value().and_then(|r| r.get("host")) else {
        return;
    };
    match host.as_str() {
        Some(h) if valid_host(h) => {}
        Some(h) => sink.emit(
            "/host",
            format!("'{h}' is not a valid host: use only the host name and an optional :port"),
        ),
        None => sink.emit("/host", "`host` must be a string"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn host_with_scheme_path_or_braces() {
        let host = |h: &str| patch(minimal(), json!({"host": h}));
        Tester::new(
            &HOST_NAME_NOT_VALID,
            vec![minimal(), host("localhost:8080")],
            [
                "https://api.contoso.com/v1",
                "x.com/v1",
                "{tenant}.x.com",
                "x.com:port",
            ]
            .map(|bad| fail(host(bad)).at(["/host"])),
        )
        .test();
    }
}
