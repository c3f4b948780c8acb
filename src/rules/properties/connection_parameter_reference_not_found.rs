use super::*;
use crate::rules::prelude::*;

/// `@connectionParameters('name')` references in a text.
fn connection_parameter_refs(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("@connectionParameters(") {
        rest = &rest[i + "@connectionParameters(".len()..];
        let inner = rest.trim_start_matches(['\'', '"']);
        let end = inner.find(['\'', '"', ')']).unwrap_or(inner.len());
        out.push(&inner[..end]);
        rest = &inner[end..];
    }
    out
}

crate::declare_code! {
    /// A policy template uses `@connectionParameters('x')` for an undefined parameter
    ///
    /// ### Why
    /// Policy template values (a `dynamichosturl` URL template, a header value) can read what the
    /// user entered when creating the connection with `@connectionParameters('name')`. The name
    /// must be a connection parameter defined in this file, or the value is empty at run time.
    ///
    /// ### Example
    /// Bad: `"urlTemplate": "https://@connectionParameters('instance').contoso.com"` with no
    /// `instance` parameter.
    /// Good: the same template with `"connectionParameters": {"instance": {"type": "string", …}}`.
    ///
    /// ### Evidence
    /// A **warning**. Neither the apiProperties validator nor the import checks it: snowflake was
    /// merged validated three times (2022–2023) with @connectionParameters('instanceURL') and no
    /// such parameter, and fixed it later. At run time the expression is empty, so the policy
    /// produces a broken value: fix it.
    pub static CONNECTION_PARAMETER_REFERENCE_NOT_FOUND: Rule {
        code: "ConnectionParameterReferenceNotFound",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: POL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let names: Vec<&str> = conn_params(cx).iter().map(|p| p.name).collect();
    for (ptr, inst) in instances(cx) {
        let Some(m) = inst.get("parameters").and_then(Value::as_object) else {
            continue;
        };
        for (k, v) in m {
            let Some(s) = v.as_str() else { continue };
            for r in connection_parameter_refs(s) {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(r)) {
                    sink.emit(
                        join(&join(&ptr, "parameters"), k),
                        format!("connection parameter '{r}' is not defined"),
                    );
                }
            }
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
    fn reference_to_an_undefined_parameter() {
        // The Bad example.
        let bad = with(
            json!({"policyTemplateInstances": [{"templateId": "dynamichosturl", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('instance').contoso.com"}}]}),
        );
        // The Good example (names compare without case).
        let good = patch(
            bad.clone(),
            json!({"properties": {"connectionParameters": {"Instance": {"type": "string"}}}}),
        );
        Tester::new(
            &CONNECTION_PARAMETER_REFERENCE_NOT_FOUND,
            vec![(with_props(good), Profile::Custom)],
            vec![
                fail((with_props(bad), Profile::Custom))
                    .at([
                        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.urlTemplate",
                    ])
                    .then(|f| {
                        assert_eq!(f[0].message, "connection parameter 'instance' is not defined");
                    }),
            ],
        )
        .test();
    }
}
