use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template instance lacks a parameter its template requires
    ///
    /// ### Why
    /// Each template needs its own parameters, written with the `x-ms-apimTemplateParameter.`
    /// prefix: `setheader` needs `name` and `value`, `dynamichosturl` `urlTemplate`,
    /// `routerequesttoendpoint` `newPath`, `pollingtrigger` `triggerConfig` and `triggerDataPath`,
    /// and so on (see the policy template documentation).
    ///
    /// ### Example
    /// Bad: `{"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-Client"}}`
    /// (no `value`)
    ///
    /// Good:
    /// ```json
    /// {"templateId": "setheader", "title": "Client header", "parameters": {
    ///   "x-ms-apimTemplateParameter.name": "X-Client",
    ///   "x-ms-apimTemplateParameter.value": "connkit",
    ///   "x-ms-apimTemplateParameter.existsAction": "override",
    ///   "x-ms-apimTemplate-policySection": "Request"}}
    /// ```
    pub(crate) static POLICY_TEMPLATE_PARAMETER_MISSING: Rule {
        code: "PolicyTemplateParameterMissing",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: POL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, inst) in instances(cx) {
        let Some(t) = str_at(inst, "templateId").and_then(catalog::find) else {
            continue;
        };
        let params = inst.get("parameters");
        for r in t.params.iter().filter(|p| p.required) {
            let key = format!("{PARAM_PREFIX}{}", r.name);
            if params.and_then(|p| p.get(&key)).is_none() {
                sink.emit(
                    if params.is_some() {
                        join(&ptr, "parameters")
                    } else {
                        ptr.clone()
                    },
                    format!("template '{}' needs parameter '{key}'", t.id),
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
    fn required_template_parameter_missing() {
        // The Bad example.
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-Client"}},
            {"templateId": "frobnicate"}
        ]}));
        // The Good example.
        let p_2 = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "title": "Client header", "parameters": {
              "x-ms-apimTemplateParameter.name": "X-Client",
              "x-ms-apimTemplateParameter.value": "connkit",
              "x-ms-apimTemplateParameter.existsAction": "override",
              "x-ms-apimTemplate-policySection": "Request"}}
        ]}));
        Tester::new(
            &POLICY_TEMPLATE_PARAMETER_MISSING,
            vec![
                (with_props(p_2), Profile::Custom),
            ],
            vec![
                fail((with_props(p), Profile::Custom)).at(["/properties/policyTemplateInstances/0/parameters"]).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "template 'setheader' needs parameter 'x-ms-apimTemplateParameter.value'"
                    );
                }),
            ],
        )
        .test();
    }
}
