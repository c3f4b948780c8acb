use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template parameter uses an expression its template does not evaluate there
    ///
    /// ### Why
    /// Each parameter reads its own things. Request values (a header value, `urlTemplate`,
    /// `newPath`) read `@headers`, `@queryParameters` and `@connectionParameters`; body paths
    /// and setproperty's value read `@body()` and `@item()` (Learn: only `@body` is supported
    /// in setproperty's value, surrounded with braces); pollingtrigger reads `@triggerBody()`.
    /// Names, sub paths, delimiters and enum values are literal text: an expression there is
    /// sent as written.
    ///
    /// ### Example
    /// Bad: `"x-ms-apimTemplateParameter.value": "@body().id"` on a setheader
    /// Good: `"x-ms-apimTemplateParameter.value": "@headers('X-Id')"`
    ///
    /// ### Evidence
    /// A **warning**: the pages say where each function applies, but not what the platform does
    /// with one elsewhere.
    pub(crate) static POLICY_EXPRESSION_NOT_ALLOWED_HERE: Rule {
        code: "PolicyExpressionNotAllowedHere",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: EXPRESSIONS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let instances = policy_instances(cx);
    for ps in policy_strings(&instances) {
        let parsed = expr::parse(ps.text);
        let param = ps.key.strip_prefix(PARAM_PREFIX).unwrap_or(ps.key);
        for call in parsed.calls() {
            let Some(f) = call.function else { continue };
            match allowed_roles(ps.kind) {
                None => sink.emit(
                    ps.pointer.clone(),
                    format!(
                        "{}'s '{param}' is literal text: @{}(…) is not evaluated there",
                        ps.template.id, call.name
                    ),
                ),
                Some(roles) if !roles.contains(&f.role) => sink.emit(
                    ps.pointer.clone(),
                    format!(
                        "{}'s '{param}' does not evaluate @{}(…) (it reads {})",
                        ps.template.id,
                        call.name,
                        roles
                            .iter()
                            .filter_map(|r| expr::FUNCTIONS.iter().find(|f| f.role == *r))
                            .map(|f| format!("@{}", f.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                Some(_) if ps.kind == Kind::Value && !call.braced => sink.emit(
                    ps.pointer.clone(),
                    format!(
                        "setproperty's value takes expressions in braces: {{@{}(…)…}}",
                        call.name
                    ),
                ),
                Some(_) => {}
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
    fn functions_outside_the_parameters_that_read_them() {
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "@body().id"}},
            {"templateId": "setproperty", "parameters": {
              "x-ms-apimTemplateParameter.newPropertyParentPathTemplate": "@headers('x')",
              "x-ms-apimTemplateParameter.newPropertySubPathTemplate": "@connectionParameters('api_key')",
              "x-ms-apimTemplateParameter.propertyValuePathTemplate": "@body().a"}},
            {"templateId": "setproperty", "parameters": {
              "x-ms-apimTemplateParameter.newPropertyParentPathTemplate": "@body().people",
              "x-ms-apimTemplateParameter.newPropertySubPathTemplate": "id",
              "x-ms-apimTemplateParameter.propertyValuePathTemplate": "'{@item()['id']}-{@body()['@odata.id']}'"}}
        ]}));
        // Each function where its parameter reads it: a header value from a header, and
        // setproperty's body paths and braced value.
        let where_read = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "@headers('X-Id')"}},
            {"templateId": "setproperty", "parameters": {
              "x-ms-apimTemplateParameter.newPropertyParentPathTemplate": "@body().people",
              "x-ms-apimTemplateParameter.newPropertySubPathTemplate": "id",
              "x-ms-apimTemplateParameter.propertyValuePathTemplate": "'{@item()['id']}-{@body()['@odata.id']}'"}}
        ]}));
        Tester::new(
            &POLICY_EXPRESSION_NOT_ALLOWED_HERE,
            vec![(with_props(where_read), Profile::Custom)],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at([
                        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.value",
                        "/properties/policyTemplateInstances/1/parameters/x-ms-apimTemplateParameter.newPropertyParentPathTemplate",
                        "/properties/policyTemplateInstances/1/parameters/x-ms-apimTemplateParameter.newPropertySubPathTemplate",
                        "/properties/policyTemplateInstances/1/parameters/x-ms-apimTemplateParameter.propertyValuePathTemplate",
                    ])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "setheader's 'value' does not evaluate @body(…) (it reads @headers, @queryParameters, @connectionParameters, @environmentVariables)"
                        );
                        assert_eq!(
                            f[3].message,
                            "setproperty's value takes expressions in braces: {@body(…)…}"
                        );
                        assert!(f.iter().all(|x| x.severity == Severity::Warning));
                    }),
            ],
        )
        .test();
    }
}
