use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template instance names a template that does not exist
    ///
    /// ### Why
    /// `templateId` must be one of the documented policy templates: convertarraytoobject,
    /// convertobjecttoarray, dynamichosturl, encodepropertyvalue, pollingtrigger,
    /// routerequesttoendpoint, setheader, setproperty, setqueryparameter, setvaluefromurl,
    /// stringreplace, stringtoarray, updatenextlink. Microsoft's schema lists the spellings the
    /// platform matches (`setheader`, `SetHeader`, `setHeader`; `setproperty`, `SetProperty`;
    /// …); another casing of a documented id is a warning. Templates Microsoft uses internally
    /// (`dynamicsubdomain`, `moveproperties`, `setconnectionstatustounauthenticated`) appear in
    /// some certified connectors but are not documented; they are reported as a warning.
    /// `connkit explain` on a template id's code cites each template's page; the list with
    /// parameters is in docs/policy-templates.md.
    ///
    /// ### Example
    /// Bad: `{"templateId": "frobnicate"}`
    /// Good: `{"templateId": "setheader", …}`
    ///
    /// ### Evidence
    /// An **error** for an id no page or schema knows: the platform cannot apply it. Every
    /// merged version of the history uses documented spellings or the three internal ids
    /// (moveproperties and setconnectionstatustounauthenticated in certified connectors), so
    /// those are warnings.
    pub(crate) static POLICY_TEMPLATE_UNKNOWN: Rule {
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
        let tp = join(&ptr, "templateId");
        match catalog::find(id) {
            Some(t) if !t.documented => sink.emit_with(
                Severity::Warning,
                FileKind::Properties,
                tp,
                format!("'{id}' is an undocumented (Microsoft-internal) policy template"),
            ),
            Some(t) if !t.spelled_as_listed(id) => sink.emit_with(
                Severity::Warning,
                FileKind::Properties,
                tp,
                format!(
                    "'{id}' is not a spelling Microsoft's schema lists for this template: write {}",
                    t.ids.join(" or ")
                ),
            ),
            Some(_) => {}
            None => sink.emit(tp, format!("'{id}' is not a known policy template")),
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
            {"templateId": "frobnicate"},
            {"templateId": "SETHEADER", "parameters": {}}
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
                "/properties/policyTemplateInstances/2/templateId",
                "/properties/policyTemplateInstances/3/templateId"
            ]).then(|f| {
                    assert_eq!(
                        f.iter().map(|x| x.severity).collect::<Vec<_>>(),
                        vec![Severity::Warning, Severity::Error, Severity::Warning]
                    );
                    assert_eq!(f[1].message, "'frobnicate' is not a known policy template");
                    assert_eq!(
                        f[2].message,
                        "'SETHEADER' is not a spelling Microsoft's schema lists for this template: write setheader or SetHeader or setHeader"
                    );
                }),
            ],
        )
        .test();
    }
}
