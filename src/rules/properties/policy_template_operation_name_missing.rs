use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy bound to one operation's path or body does not say which operations it applies to
    ///
    /// ### Why
    /// Without `x-ms-apimTemplate-operationName` a policy applies to every operation ("If no
    /// operation is selected, this policy will apply to all operations"). That suits a host
    /// or a header, but routerequesttoendpoint, pollingtrigger, updatenextlink and the body
    /// templates (setproperty, convertarraytoobject, convertobjecttoarray, stringtoarray,
    /// stringreplace, encodepropertyvalue) describe one operation's path or body: applied to
    /// all, they reroute or rewrite every call.
    ///
    /// ### Example
    /// Bad: a routerequesttoendpoint with only `"x-ms-apimTemplateParameter.newPath": "/v2/items"`
    /// in a connector with several operations.
    /// Good: the same with `"x-ms-apimTemplate-operationName": ["ListItems"]`.
    ///
    /// ### Evidence
    /// A **warning**: merged connectors do it on purpose where every operation shares the body
    /// shape (a few routerequesttoendpoint and setproperty instances in the history); connkit
    /// cannot tell that from a mistake.
    pub(crate) static POLICY_TEMPLATE_OPERATION_NAME_MISSING: Rule {
        code: "PolicyTemplateOperationNameMissing",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: POL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    if sw.operations.len() < 2 {
        return;
    }
    for inst in policy_instances(cx) {
        let Some(t) = inst.template else { continue };
        if t.documented && t.scope == catalog::Scope::NamedOperations && inst.operations.is_none() {
            let at = if inst.parameters.is_some() {
                join(&inst.pointer, "parameters")
            } else {
                inst.pointer.clone()
            };
            sink.emit(
                at,
                format!(
                    "{} applies to all {} operations: name them in '{}'",
                    t.id,
                    sw.operations.len(),
                    catalog::OPERATION_NAME
                ),
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
    fn route_without_operations_in_a_connector_of_several() {
        let props = with(json!({"policyTemplateInstances": [
            {"templateId": "routerequesttoendpoint", "parameters": {"x-ms-apimTemplateParameter.newPath": "/v2/items"}},
            {"templateId": "routerequesttoendpoint", "parameters": {"x-ms-apimTemplateParameter.newPath": "/v2/items",
              "x-ms-apimTemplate-operationName": ["GetTask"]}},
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "v"}}
        ]}));
        // The route naming its operation, and a header for every operation.
        let named = with(json!({"policyTemplateInstances": [
            {"templateId": "routerequesttoendpoint", "parameters": {"x-ms-apimTemplateParameter.newPath": "/v2/items",
              "x-ms-apimTemplate-operationName": ["GetTask"]}},
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "v"}}
        ]}));
        let two = || {
            patch(
                def(),
                json!({"paths": {"/other": {"get": {"operationId": "Other", "responses": {"200": {"description": "ok"}}}}}}),
            )
        };
        Tester::new(
            &POLICY_TEMPLATE_OPERATION_NAME_MISSING,
            vec![
                // One operation: nothing to choose between.
                (with_props(props.clone()), Profile::Custom),
                (connector_from(two(), Some(named)), Profile::Custom),
            ],
            vec![
                fail((connector_from(two(), Some(props)), Profile::Custom))
                    .at(["/properties/policyTemplateInstances/0/parameters"])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "routerequesttoendpoint applies to all 2 operations: name them in 'x-ms-apimTemplate-operationName'"
                        );
                        assert_eq!(f[0].severity, Severity::Warning);
                    }),
            ],
        )
        .test();
    }
}
