use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template parameter has a value its template does not accept
    ///
    /// ### Why
    /// Some parameters take one of a few values: `existsAction` override, skip or append;
    /// `x-ms-apimTemplate-policySection` Request or Response (setheader also Failure; the
    /// templates without sections run on the request); convertarraytoobject's `retainKey`
    /// true or false; routerequesttoendpoint's `httpMethod` an HTTP method or
    /// `@Request.OriginalHTTPMethod`; setvaluefromurl's `httpMethod` GET, POST or PUT. Values
    /// are text, except pollingtrigger's `triggerConfig` (an object) and the operation list
    /// (an array of operationIds).
    ///
    /// ### Example
    /// Bad: `"x-ms-apimTemplateParameter.existsAction": "replace"`
    /// Good: `"x-ms-apimTemplateParameter.existsAction": "override"`
    ///
    /// ### Evidence
    /// An **error**: Microsoft's schema lists these values and the platform has no meaning for
    /// others. Every merged version of the history uses listed values (compared ignoring case);
    /// dynamichosturl with `policySection: Request` (4 merged versions) is accepted.
    pub(crate) static POLICY_TEMPLATE_PARAMETER_VALUE_NOT_VALID: Rule {
        code: "PolicyTemplateParameterValueNotValid",
        severity: Severity::Error,
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
        for (key, v) in params {
            let ptr = inst.param_pointer(key);
            if key == catalog::POLICY_SECTION {
                let allowed: Vec<&str> = if t.sections.is_empty() {
                    vec!["Request"]
                } else {
                    t.sections.iter().map(|s| s.as_str()).collect()
                };
                match v.as_str() {
                    Some(s) if allowed.iter().any(|a| a.eq_ignore_ascii_case(s)) => {}
                    _ => sink.emit(
                        ptr,
                        format!("{} runs in {}, not {v}", t.id, allowed.join(" or ")),
                    ),
                }
                continue;
            }
            if key == catalog::OPERATION_NAME {
                let ok = match v {
                    Value::Array(a) => a.iter().all(Value::is_string),
                    _ => false,
                };
                if !ok {
                    sink.emit(
                        ptr,
                        "the operation list is an array of operationIds".to_string(),
                    );
                }
                continue;
            }
            let Some(spec) = t.param_for_key(key) else {
                continue;
            };
            match (spec.kind, v) {
                (Kind::Object, Value::Object(_)) => {}
                (Kind::Object, _) => sink.emit(
                    ptr,
                    format!("'{}' is an object of name → value, not {v}", spec.name),
                ),
                (Kind::Enum, Value::String(s)) => {
                    if !spec.values.iter().any(|a| a.eq_ignore_ascii_case(s)) {
                        sink.emit(
                            ptr,
                            format!(
                                "'{}' is one of {}, not '{s}'",
                                spec.name,
                                spec.values.join(", ")
                            ),
                        );
                    }
                }
                (_, Value::String(_)) => {}
                (_, other) => sink.emit(
                    ptr,
                    format!(
                        "'{}' is text, not {}",
                        spec.name,
                        crate::model::types::json_type(other)
                    ),
                ),
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
    fn enum_values_out_of_range_and_wrong_types() {
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "v", "x-ms-apimTemplateParameter.existsAction": "replace",
              "x-ms-apimTemplate-policySection": "Failure"}},
            {"templateId": "setproperty", "parameters": {"x-ms-apimTemplate-policySection": "Failure"}},
            {"templateId": "dynamichosturl", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": 5,
              "x-ms-apimTemplate-policySection": "Request"}},
            {"templateId": "routerequesttoendpoint", "parameters": {"x-ms-apimTemplateParameter.newPath": "/a",
              "x-ms-apimTemplateParameter.httpMethod": "FETCH", "x-ms-apimTemplate-operationName": "GetTask"}},
            {"templateId": "pollingtrigger", "parameters": {"x-ms-apimTemplateParameter.triggerConfig": "x"}},
            {"templateId": "convertarraytoobject", "parameters": {"x-ms-apimTemplateParameter.retainKey": "False"}}
        ]}));
        // The listed values (in another case), the right types, and the operation list as an array.
        let listed = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "v", "x-ms-apimTemplateParameter.existsAction": "Skip",
              "x-ms-apimTemplate-policySection": "Failure"}},
            {"templateId": "setproperty", "parameters": {"x-ms-apimTemplate-policySection": "response"}},
            {"templateId": "dynamichosturl", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://x",
              "x-ms-apimTemplate-policySection": "Request"}},
            {"templateId": "routerequesttoendpoint", "parameters": {"x-ms-apimTemplateParameter.newPath": "/a",
              "x-ms-apimTemplateParameter.httpMethod": "@Request.OriginalHTTPMethod", "x-ms-apimTemplate-operationName": ["GetTask"]}},
            {"templateId": "pollingtrigger", "parameters": {"x-ms-apimTemplateParameter.triggerConfig": {"x": "y"}}},
            {"templateId": "convertarraytoobject", "parameters": {"x-ms-apimTemplateParameter.retainKey": "False"}}
        ]}));
        Tester::new(
            &POLICY_TEMPLATE_PARAMETER_VALUE_NOT_VALID,
            vec![(with_props(listed), Profile::Custom)],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at([
                        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.existsAction",
                        "/properties/policyTemplateInstances/1/parameters/x-ms-apimTemplate-policySection",
                        "/properties/policyTemplateInstances/2/parameters/x-ms-apimTemplateParameter.urlTemplate",
                        "/properties/policyTemplateInstances/3/parameters/x-ms-apimTemplateParameter.httpMethod",
                        "/properties/policyTemplateInstances/3/parameters/x-ms-apimTemplate-operationName",
                        "/properties/policyTemplateInstances/4/parameters/x-ms-apimTemplateParameter.triggerConfig",
                    ])
                    .then(|f| {
                        let msgs: Vec<&str> = f.iter().map(|x| x.message.as_str()).collect();
                        assert_eq!(
                            msgs,
                            vec![
                                "'existsAction' is one of override, skip, append, not 'replace'",
                                "setproperty runs in Request or Response, not \"Failure\"",
                                "'urlTemplate' is text, not integer",
                                "'httpMethod' is one of GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD, @Request.OriginalHTTPMethod, not 'FETCH'",
                                "the operation list is an array of operationIds",
                                "'triggerConfig' is an object of name → value, not \"x\"",
                            ]
                        );
                        assert!(f.iter().all(|x| x.severity == Severity::Error));
                    }),
            ],
        )
        .test();
    }
}
