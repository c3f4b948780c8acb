use super::*;

pub static POLICY_TEMPLATE_PARAMETER_MISSING: Rule = Rule {
    code: "PolicyTemplateParameterMissing",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "A policy template instance lacks a parameter its template requires",
    explanation: "Each template needs its own parameters, written with the \
`x-ms-apimTemplateParameter.` prefix: `setheader` needs `name` and `value`, `dynamichosturl` \
`urlTemplate`, `routerequesttoendpoint` `newPath`, `pollingtrigger` `triggerConfig` and \
`triggerDataPath`, and so on (see the policy template documentation).\n\nGood:\n```json\n\
{\"templateId\": \"setheader\", \"title\": \"Client header\", \"parameters\": {\n  \
\"x-ms-apimTemplateParameter.name\": \"X-Client\",\n  \"x-ms-apimTemplateParameter.value\": \
\"connkit\",\n  \"x-ms-apimTemplateParameter.existsAction\": \"override\",\n  \
\"x-ms-apimTemplate-policySection\": \"Request\"}}\n```",
    source: POL,
    check: |cx, sink| {
        for (ptr, inst) in instances(cx) {
            let Some(t) = str_at(inst, "templateId").and_then(template) else {
                continue;
            };
            let params = inst.get("parameters");
            for r in t.required {
                let key = format!("{PARAM_PREFIX}{r}");
                if params.and_then(|p| p.get(&key)).is_none() {
                    sink.emit(
                        if params.is_some() {
                            join(&ptr, "parameters")
                        } else {
                            ptr.clone()
                        },
                        format!(
                            "template '{}' needs parameter '{key}'",
                            t.ids.first().copied().unwrap_or("")
                        ),
                    );
                }
            }
        }
    },
};
