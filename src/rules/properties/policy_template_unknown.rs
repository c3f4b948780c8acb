use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template instance names a template that does not exist
    ///
    /// ### Why
    /// `templateId` must be one of the documented policy templates: convertarraytoobject,
    /// convertobjecttoarray, dynamichosturl, encodepropertyvalue, pollingtrigger,
    /// routerequesttoendpoint, setheader, setproperty, setqueryparameter, setvaluefromurl,
    /// stringreplace, stringtoarray, updatenextlink (the documented casings are accepted).
    /// Templates Microsoft uses internally (`dynamicsubdomain`, `moveproperties`,
    /// `setconnectionstatustounauthenticated`) appear in some certified connectors but are not
    /// documented; they are reported as a warning.
    ///
    /// ### Example
    /// Bad: `{"templateId": "frobnicate"}`
    /// Good: `{"templateId": "setheader", …}`
    pub static POLICY_TEMPLATE_UNKNOWN: Rule {
        code: "PolicyTemplateUnknown",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: POL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, inst) in instances(cx) {
        let Some(id) = str_at(inst, "templateId") else {
            continue;
        };
        if template(id).is_some() {
            continue;
        }
        let tp = join(&ptr, "templateId");
        if INTERNAL_TEMPLATES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(id))
        {
            sink.emit_with(
                Severity::Warning,
                FileKind::Properties,
                tp,
                format!("'{id}' is an undocumented (Microsoft-internal) policy template"),
            );
        } else {
            sink.emit(tp, format!("'{id}' is not a known policy template"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::core::Severity;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn unknown_and_internal_templates() {
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "SetHeader", "parameters": {}},
            {"templateId": "moveproperties", "parameters": {}},
            {"templateId": "frobnicate"}
        ]}));
        Tester::new(
            &POLICY_TEMPLATE_UNKNOWN,
            vec![(
                with_props(with(json!({"policyTemplateInstances": [{"templateId": "SetHeader", "parameters": {}}]}))),
                Profile::Custom,
            )],
            vec![
                fail((with_props(p), Profile::Custom)).at([
                "/properties/policyTemplateInstances/1/templateId",
                "/properties/policyTemplateInstances/2/templateId"
            ]).then(|f| {
                    assert_eq!(
                        f.iter().map(|x| x.severity).collect::<Vec<_>>(),
                        vec![Severity::Warning, Severity::Error]
                    );
                    assert_eq!(f[1].message, "'frobnicate' is not a known policy template");
                }),
            ],
        )
        .test();
    }
}
