use super::*;
use crate::rules::prelude::*;

/// The documented key nearest to an unknown one: the same name without the prefix or with
/// another case.
fn nearest(t: &Template, key: &str) -> Option<String> {
    let bare = key.rsplit('.').next().unwrap_or(key);
    t.params
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(bare))
        .map(|p| format!("{PARAM_PREFIX}{}", p.name))
        .or_else(|| {
            [catalog::OPERATION_NAME, catalog::POLICY_SECTION]
                .into_iter()
                .find(|k| k.eq_ignore_ascii_case(key))
                .map(str::to_string)
        })
}

crate::declare_code! {
    /// A policy template instance has a parameter its template does not take
    ///
    /// ### Why
    /// Each template takes its own parameters, written `x-ms-apimTemplateParameter.<name>`,
    /// plus `x-ms-apimTemplate-operationName` and, where the template has sections,
    /// `x-ms-apimTemplate-policySection` (Microsoft's schema allows nothing else). An unknown
    /// key is ignored: usually a typo of a parameter that is then missing, or a parameter of
    /// another template.
    ///
    /// ### Example
    /// Bad: `"x-ms-apimTemplateParameter.existAction": "skip"` on a setheader
    /// Good: `"x-ms-apimTemplateParameter.existsAction": "skip"`
    ///
    /// ### Evidence
    /// A **warning**: Microsoft's apiProperties validator let unknown keys through on validated
    /// merges (docs/calibration.md), and the platform ignores them. dynamichosturl with
    /// `x-ms-apimTemplate-policySection: Request` was merged 4 times and is not reported.
    pub(crate) static POLICY_TEMPLATE_PARAMETER_UNKNOWN: Rule {
        code: "PolicyTemplateParameterUnknown",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: S_AP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for inst in policy_instances(cx) {
        let (Some(t), Some(params)) = (inst.template, inst.parameters) else {
            continue;
        };
        if !t.documented {
            continue;
        }
        for key in params.keys() {
            if key == catalog::OPERATION_NAME
                || key == catalog::POLICY_SECTION
                || t.param_for_key(key).is_some()
            {
                continue;
            }
            let hint = nearest(t, key)
                .map(|k| format!(" (did you mean '{k}'?)"))
                .unwrap_or_default();
            sink.emit(
                inst.param_pointer(key),
                format!("{} does not take '{key}'{hint}", t.id),
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
    fn keys_the_template_does_not_take() {
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "v", "value": "v",
              "x-ms-apimTemplateParameter.urlTemplate": "u", "x-ms-apimTemplate-policySection": "Request"}},
            {"templateId": "dynamichosturl", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://x",
              "x-ms-apimTemplate-policySection": "Request"}},
            {"templateId": "moveproperties", "parameters": {"x-ms-apimTemplateParameter.srcParentPath": "@body()"}}
        ]}));
        // Every key setheader takes, spelled as documented, and dynamichosturl's section.
        let taken = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "v", "x-ms-apimTemplateParameter.existsAction": "skip",
              "x-ms-apimTemplate-policySection": "Request", "x-ms-apimTemplate-operationName": ["GetTask"]}},
            {"templateId": "dynamichosturl", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://x",
              "x-ms-apimTemplate-policySection": "Request"}}
        ]}));
        Tester::new(
            &POLICY_TEMPLATE_PARAMETER_UNKNOWN,
            vec![(with_props(taken), Profile::Custom)],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at([
                        "/properties/policyTemplateInstances/0/parameters/value",
                        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.urlTemplate",
                    ])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "setheader does not take 'value' (did you mean 'x-ms-apimTemplateParameter.value'?)"
                        );
                        assert!(f.iter().all(|x| x.severity == Severity::Warning));
                    }),
            ],
        )
        .test();
    }
}
