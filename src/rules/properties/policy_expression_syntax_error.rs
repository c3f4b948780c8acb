use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A policy template expression does not parse
    ///
    /// ### Why
    /// Expressions take single-quoted names (`@headers('X-Id')`; "don't use double quotation
    /// marks"), close every quote, parenthesis, bracket and brace they open (`@{…}`, `{@…}`),
    /// and pass each function its number of arguments (one name and an optional default; none
    /// for `@body()`). A body path is `@body()…`, `@item()…` or a bare relative path — `@body.x`
    /// without parentheses is text. A broken expression is sent as text or fails at run time.
    ///
    /// ### Example
    /// Bad: `"https://@connectionParameters('instance).contoso.com"` (the quote never closes)
    /// Good: `"https://@connectionParameters('instance').contoso.com"`
    ///
    /// ### Evidence
    /// An **error**: the platform cannot evaluate it. Parentheses outside an `@`-call are text
    /// (merged values such as `and(eq(state, '{@body().state}'), …)` or
    /// `groupTypes/any(c:c eq 'Unified')`), so no merged version of the history is reported.
    pub(crate) static POLICY_EXPRESSION_SYNTAX_ERROR: Rule {
        code: "PolicyExpressionSyntaxError",
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
        let parsed = expr::parse(ps.text);
        let mut found = false;
        for e in &parsed.errors {
            if e.kind == expr::ErrorKind::Syntax {
                sink.emit(ps.pointer.clone(), e.message.clone());
                found = true;
            }
        }
        if found || !parsed.errors.is_empty() {
            continue;
        }
        // Body paths: a lone @body()/@item() call or a bare path.
        if matches!(ps.kind, Kind::BodyPath | Kind::TriggerPath)
            && ps.text.trim_start().starts_with('@')
            && parsed.calls().iter().all(|c| {
                c.function
                    .is_some_and(|f| matches!(f.role, Role::Body | Role::Item | Role::TriggerBody))
            })
            && let Err(e) = expr::body_path(ps.text)
        {
            sink.emit(ps.pointer.clone(), e.message);
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
    fn broken_quoting_arguments_and_paths_at_their_key() {
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "dynamichosturl", "parameters": {
              "x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('instance).contoso.com"}},
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "@headers(\"X-Id\")"}},
            {"templateId": "stringtoarray", "parameters": {
              "x-ms-apimTemplateParameter.propertyParentPath": "@body()",
              "x-ms-apimTemplateParameter.delimiterList": ";",
              "x-ms-apimTemplateParameter.childPropertyName": "AgeW",
              "x-ms-apimTemplateParameter.newPropertyPath": "@body.peopleObject.XYZ.Age"}},
            {"templateId": "setproperty", "parameters": {
              "x-ms-apimTemplateParameter.newPropertyParentPathTemplate": "@body()",
              "x-ms-apimTemplateParameter.newPropertySubPathTemplate": "filter",
              "x-ms-apimTemplateParameter.propertyValuePathTemplate": "and(eq(state, '{@body().state}'), true)"}}
        ]}));
        // The same expressions written right: the quote closed, single quotes, `@body()`.
        let fixed = with(json!({"policyTemplateInstances": [
            {"templateId": "dynamichosturl", "parameters": {
              "x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('instance').contoso.com"}},
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X",
              "x-ms-apimTemplateParameter.value": "@headers('X-Id')"}},
            {"templateId": "stringtoarray", "parameters": {
              "x-ms-apimTemplateParameter.propertyParentPath": "@body()",
              "x-ms-apimTemplateParameter.delimiterList": ";",
              "x-ms-apimTemplateParameter.childPropertyName": "AgeW",
              "x-ms-apimTemplateParameter.newPropertyPath": "@body().peopleObject.XYZ.Age"}}
        ]}));
        Tester::new(
            &POLICY_EXPRESSION_SYNTAX_ERROR,
            vec![(with_props(fixed), Profile::Custom)],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at([
                        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.urlTemplate",
                        "/properties/policyTemplateInstances/1/parameters/x-ms-apimTemplateParameter.value",
                        "/properties/policyTemplateInstances/2/parameters/x-ms-apimTemplateParameter.newPropertyPath",
                    ])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "'connectionParameters(': the quote opened here is never closed"
                        );
                        assert_eq!(
                            f[1].message,
                            "'headers': use single quotes, not double quotes"
                        );
                        assert!(
                            f[2].message.contains("with the parentheses"),
                            "{}",
                            f[2].message
                        );
                        assert!(f.iter().all(|x| x.severity == Severity::Error));
                    }),
            ],
        )
        .test();
    }
}
