use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template expression calls a function that does not exist
    ///
    /// ### Why
    /// Policy values may call `@headers('h')` (or `@header`), `@queryParameters('q')`,
    /// `@connectionParameters('c')`, `@body()`, `@item()`, `@triggerBody()` and
    /// `@environmentVariables('v')` (see the expressions page). Any other `@name(` — usually a
    /// typo such as `@queryParamters('version')` — is not evaluated: the request carries the
    /// text as written, or the policy fails, and nothing says so before run time. Names are
    /// compared ignoring case. An `@` not followed by `name(` is text (`@odata.nextLink`).
    ///
    /// ### Example
    /// Bad: `"x-ms-apimTemplateParameter.value": "@queryParamters('version')"`
    /// Good: `"x-ms-apimTemplateParameter.value": "@queryParameters('version')"`
    ///
    /// ### Evidence
    /// An **error**: the expression cannot work at run time. No version of the history
    /// (1,055 merged versions, 2020–2024) calls an unknown function; Microsoft's validators do
    /// not read expressions, so only connkit catches it before the connector is used.
    pub(crate) static POLICY_EXPRESSION_FUNCTION_UNKNOWN: Rule {
        code: "PolicyExpressionFunctionUnknown",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: EXPRESSIONS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let instances = policy_instances(cx);
    for ps in policy_strings(&instances) {
        if !is_expression(ps.kind) {
            continue;
        }
        for e in expr::parse(ps.text).errors {
            if e.kind == expr::ErrorKind::UnknownFunction {
                sink.emit(ps.pointer.clone(), e.message);
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
    fn misspelled_function_at_its_key() {
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-Version",
              "x-ms-apimTemplateParameter.value": "@queryParamters('version')"}},
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-B",
              "x-ms-apimTemplateParameter.value": "@ConnectionParameters('api_key') @odata.nextLink user@contoso.com"}}
        ]}));
        // The same function spelled right; another casing of a known one, and `@` as text.
        let spelled = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-Version",
              "x-ms-apimTemplateParameter.value": "@queryParameters('version')"}},
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-B",
              "x-ms-apimTemplateParameter.value": "@ConnectionParameters('api_key') @odata.nextLink user@contoso.com"}}
        ]}));
        Tester::new(
            &POLICY_EXPRESSION_FUNCTION_UNKNOWN,
            vec![
                (with_props(good_props()), Profile::Custom),
                (with_props(spelled), Profile::Custom),
            ],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at([
                        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.value",
                    ])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "'queryParamters' is not a policy expression function (did you mean 'queryParameters'?)"
                        );
                        assert_eq!(f[0].severity, Severity::Error);
                    }),
            ],
        )
        .test();
    }
}
