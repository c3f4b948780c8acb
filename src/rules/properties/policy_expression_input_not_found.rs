use super::*;
use crate::rules::prelude::*;

/// Headers the platform or any client sends whatever the definition says.
const ALWAYS_SENT: &[&str] = &[
    "authorization",
    "content-type",
    "accept",
    "accept-language",
    "user-agent",
    "host",
    "content-length",
    "x-ms-client-request-id",
];

crate::declare_code! {
    /// A policy reads a header or query parameter that no operation it applies to defines
    ///
    /// ### Why
    /// `@headers('name')` and `@queryParameters('name')` read the request as the flow sends it:
    /// the operation's own parameters (`in: header`, `in: query`), what an earlier policy
    /// set, and the credential the definition declares. A name none of them provides — often
    /// a parameter renamed in the definition — is empty at run time. Give a default
    /// (`@headers('name', 'default')`) when absence is expected.
    ///
    /// ### Example
    /// Bad: `"urlTemplate": "https://@headers('region').contoso.com"` where no operation has
    /// a `region` header parameter.
    /// Good: the same template, with `{"name": "region", "in": "header", …}` on the operations
    /// it applies to.
    ///
    /// ### Evidence
    /// A **warning**: the value is empty rather than refused, and connkit cannot see headers a
    /// policy of another kind adds.
    pub(crate) static POLICY_EXPRESSION_INPUT_NOT_FOUND: Rule {
        code: "PolicyExpressionInputNotFound",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: EXPRESSIONS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    let instances = policy_instances(cx);
    // Names earlier policies write, and the apiKey credential.
    let mut written: Vec<(Role, String)> = Vec::new();
    if let Some(defs) = sw
        .root
        .get("securityDefinitions")
        .and_then(Value::as_object)
    {
        for d in defs.values() {
            if d.get("type").and_then(Value::as_str) == Some("apiKey")
                && let Some(n) = d.get("name").and_then(Value::as_str)
            {
                let role = if d.get("in").and_then(Value::as_str) == Some("query") {
                    Role::Query
                } else {
                    Role::Header
                };
                written.push((role, n.to_ascii_lowercase()));
            }
        }
    }
    for inst in &instances {
        let Some(t) = inst.template.filter(|t| t.documented) else {
            continue;
        };
        // An instance that names no existing operation is PolicyTemplateOperationNotFound's.
        let reaches_one = sw
            .operations
            .iter()
            .any(|o| inst.applies_to(o.operation_id));
        for ps in policy_strings(std::slice::from_ref(inst)) {
            // setvaluefromurl's parameterTemplate names what it writes.
            if !reaches_one || ps.kind != Kind::Request || ps.key.ends_with(".parameterTemplate") {
                continue;
            }
            for call in expr::parse(ps.text).calls() {
                let Some(role) = call.function.map(|f| f.role) else {
                    continue;
                };
                if !matches!(role, Role::Header | Role::Query) || call.default_arg().is_some() {
                    continue;
                }
                let Some(name) = call.name_arg() else {
                    continue;
                };
                let lower = name.to_ascii_lowercase();
                if written.iter().any(|(r, n)| *r == role && *n == lower)
                    || (role == Role::Header && ALWAYS_SENT.contains(&lower.as_str()))
                {
                    continue;
                }
                let location = if role == Role::Header {
                    "header"
                } else {
                    "query"
                };
                let defined = sw
                    .operations
                    .iter()
                    .filter(|o| inst.applies_to(o.operation_id))
                    .any(|o| {
                        o.params.iter().any(|p| {
                            p.location == Some(location)
                                && p.name.is_some_and(|n| {
                                    if role == Role::Header {
                                        n.eq_ignore_ascii_case(name)
                                    } else {
                                        n == name
                                    }
                                })
                        })
                    });
                if !defined {
                    sink.emit(
                        ps.pointer.clone(),
                        format!(
                            "no operation this policy applies to has a {location} parameter '{name}': @{}('{name}') is empty at run time",
                            call.name
                        ),
                    );
                }
            }
        }
        // What this instance writes, for the ones after it.
        let name = inst.param_str("name").map(str::to_ascii_lowercase);
        match (t.id, name) {
            ("setheader", Some(n)) => written.push((Role::Header, n)),
            ("setqueryparameter", Some(n)) => written.push((Role::Query, n)),
            ("setvaluefromurl", _) => {
                if let Some(target) = inst.param_str("parameterTemplate") {
                    for c in expr::parse(target).calls() {
                        if let (Some(f), Some(n)) = (c.function, c.name_arg()) {
                            written.push((f.role, n.to_ascii_lowercase()));
                        }
                    }
                }
            }
            _ => {}
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
    fn reads_of_headers_and_query_parameters_nobody_sends() {
        // `def()` has GetTask with an `id` path parameter and an apiKey header X-Key.
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "dynamichosturl", "parameters": {
              "x-ms-apimTemplateParameter.urlTemplate": "https://@headers('region').@queryParameters('zone').contoso.com"}},
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-Region",
              "x-ms-apimTemplateParameter.value": "eu"}},
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-Copy",
              "x-ms-apimTemplateParameter.value": "@headers('x-region')@headers('X-Key')@headers('Authorization')@headers('gone', 'default')"}}
        ]}));
        // The same reads where GetTask has a `region` header and a `zone` query parameter.
        let defined = patch(
            def(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"parameters": [
                {"name": "taskId", "in": "path", "required": true, "type": "string"},
                {"name": "Region", "in": "header", "type": "string"},
                {"name": "zone", "in": "query", "type": "string"}
            ]}}}}),
        );
        // The same reads with defaults: absence is expected.
        let defaults = with(json!({"policyTemplateInstances": [
            {"templateId": "dynamichosturl", "parameters": {
              "x-ms-apimTemplateParameter.urlTemplate": "https://@headers('region', 'eu').@queryParameters('zone', 'a').contoso.com"}}
        ]}));
        Tester::new(
            &POLICY_EXPRESSION_INPUT_NOT_FOUND,
            vec![
                (connector_from(defined, Some(p.clone())), Profile::Custom),
                (with_props(defaults), Profile::Custom),
            ],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at([
                        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.urlTemplate",
                        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.urlTemplate",
                    ])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "no operation this policy applies to has a header parameter 'region': @headers('region') is empty at run time"
                        );
                        assert_eq!(
                            f[1].message,
                            "no operation this policy applies to has a query parameter 'zone': @queryParameters('zone') is empty at run time"
                        );
                        assert!(f.iter().all(|x| x.severity == Severity::Warning));
                    }),
            ],
        )
        .test();
    }
}
