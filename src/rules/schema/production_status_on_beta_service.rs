use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Connector marked Production while its service looks like a beta
    ///
    /// ### Why
    /// Microsoft's validator refuses `x-ms-api-annotation.status: Production` when the backend
    /// service is flagged as beta. That flag lives in Microsoft's service registry, not in the
    /// connector files, so the rule cannot be decided offline. connkit only gives a hint when the
    /// connector says Production while its own host, base path or version look like a pre-release
    /// (`beta`, `preview`, `alpha`, `staging`, `sandbox`, or version 0.x): check the status before
    /// submitting.
    ///
    /// ### Example
    /// Bad: `"info": {"version": "0.9", "x-ms-api-annotation": {"status": "Production"}}`, or a host such as `beta.contoso.com`
    /// Good: `"status": "Preview"` until the service is generally available
    pub(crate) static PRODUCTION_STATUS_ON_BETA_SERVICE: Rule {
        code: "ProductionStatusOnBetaService",
        severity: Severity::Info,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(root) = root(cx) else { return };
    let status = root
        .pointer("/info/x-ms-api-annotation/status")
        .and_then(Value::as_str);
    if status != Some("Production") {
        return;
    }
    let words = ["beta", "preview", "alpha", "staging", "sandbox"];
    let looks_beta = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| words.contains(&w))
    };
    let version_zero = root
        .pointer("/info/version")
        .and_then(Value::as_str)
        .is_some_and(|v| v.trim_start_matches(['v', 'V']).starts_with("0."));
    let hint = ["host", "basePath"]
        .iter()
        .filter_map(|k| root.get(*k).and_then(Value::as_str))
        .any(looks_beta)
        || version_zero
        || root
            .pointer("/info/version")
            .and_then(Value::as_str)
            .is_some_and(looks_beta);
    if hint {
        sink.emit(
            "/info/x-ms-api-annotation/status",
            "the connector is marked Production but its host, base path or version look \
like a pre-release service",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn production_on_beta() {
        let prod = json!({"info": {"x-ms-api-annotation": {"status": "Production"}}});
        Tester::new(
            &PRODUCTION_STATUS_ON_BETA_SERVICE,
            vec![
                patch(minimal(), prod.clone()),
                // Preview connectors on a beta host are fine.
                patch(minimal(), json!({"host": "beta.contoso.com"})),
            ],
            vec![
                fail(patch(
                    patch(minimal(), prod),
                    json!({"host": "beta.api.contoso.com"}),
                ))
                .at(["/info/x-ms-api-annotation/status"])
                .then(|f| {
                    assert_eq!(f[0].severity, Severity::Info);
                }),
            ],
        )
        .test();
    }
}
