use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-apimTemplate-operationName` lists an operationId the definition lacks
    ///
    /// ### Why
    /// A policy applies to the operations named in `x-ms-apimTemplate-operationName` (all
    /// operations when absent). A name that matches no operationId — often left behind after a
    /// rename — silently applies the policy to nothing.
    ///
    /// ### Example
    /// Bad: `"x-ms-apimTemplate-operationName": ["GetTask", "Gone"]` where no operation has the id `Gone`
    /// Good: `"x-ms-apimTemplate-operationName": ["GetTask"]`
    ///
    /// ### Evidence
    /// A **warning**. Philips HUE was merged validated (2022) naming an operation its definition
    /// lacks; the platform applies the policy to the operations that exist.
    pub(crate) static POLICY_TEMPLATE_OPERATION_NOT_FOUND: Rule {
        code: "PolicyTemplateOperationNotFound",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: POL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(ids) = operation_ids(cx) else { return };
    for (ptr, inst) in instances(cx) {
        let Some(list) = inst
            .get("parameters")
            .and_then(|p| p.get("x-ms-apimTemplate-operationName"))
            .and_then(Value::as_array)
        else {
            continue;
        };
        let base = join(&join(&ptr, "parameters"), "x-ms-apimTemplate-operationName");
        for (i, n) in list.iter().enumerate() {
            if let Some(n) = n.as_str()
                && !ids.contains(&n)
            {
                sink.emit(
                    join_index(&base, i),
                    format!("operation '{n}' is not defined in the definition"),
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
    fn operation_name_not_in_the_definition() {
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X", "x-ms-apimTemplateParameter.value": "v", "x-ms-apimTemplate-operationName": ["GetTask", "Gone"]}}
        ]}));
        Tester::new(
            &POLICY_TEMPLATE_OPERATION_NOT_FOUND,
            vec![
                // `good_props` names only GetTask.
                (with_props(good_props()), Profile::Custom),
            ],
            vec![
                fail((with_props(p), Profile::Custom)).at([
                "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/1"
            ]).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "operation 'Gone' is not defined in the definition"
                    );
                }),
            ],
        )
        .test();
    }
}
