use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template uses `@connectionParameters('x')` for an undefined parameter
    ///
    /// ### Why
    /// Policy template values (a `dynamichosturl` URL template, a header value) can read what the
    /// user entered when creating the connection with `@connectionParameters('name')`. The name
    /// must be a connection parameter defined in this file, or the value is empty at run time.
    /// A call with a default (`@connectionParameters('name', 'default')`) is not reported:
    /// the default stands in.
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
    pub(crate) static CONNECTION_PARAMETER_REFERENCE_NOT_FOUND: Rule {
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
    let instances = policy_instances(cx);
    for ps in policy_strings(&instances) {
        if !is_expression(ps.kind) {
            continue;
        }
        let parsed = expr::parse(ps.text);
        for call in parsed.calls() {
            if call.function.map(|f| f.role) != Some(Role::Connection)
                || call.default_arg().is_some()
            {
                continue;
            }
            let Some(r) = call.name_arg() else { continue };
            if !names.iter().any(|n| n.eq_ignore_ascii_case(r)) {
                sink.emit(
                    ps.pointer.clone(),
                    format!("connection parameter '{r}' is not defined"),
                );
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
