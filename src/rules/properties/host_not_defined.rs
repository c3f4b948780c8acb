use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The definition has no `host` and no `dynamichosturl` policy sets one
    ///
    /// ### Why
    /// Requests go to the definition's `host` unless a `dynamichosturl` policy template builds the
    /// URL per connection (for services with one host per customer). Without either, the platform
    /// has nowhere to send requests. When `dynamichosturl` is used, keep a placeholder `host`
    /// anyway: tools and the wizard expect one.
    ///
    /// ### Example
    /// Bad: a definition without `host` and no `dynamichosturl` entry in `policyTemplateInstances`
    /// Good: `"host": "api.contoso.com"`, or a `dynamichosturl` policy template (keeping a placeholder `host`)
    pub(crate) static HOST_NOT_DEFINED: Rule {
        code: "HostNotDefined",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Definition,
        source: POL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(def) = cx.connector.definition_value().filter(|d| d.is_object()) else {
        return;
    };
    if cx.connector.single_file || def.get("host").is_some() {
        return;
    }
    let dynamic = instances(cx).iter().any(|(_, i)| {
        str_at(i, "templateId").is_some_and(|t| t.eq_ignore_ascii_case("dynamichosturl"))
    });
    if !dynamic {
        sink.emit(
                "",
                "no 'host' in the definition and no dynamichosturl policy template in apiProperties.json",
            );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn no_host_and_no_dynamic_host() {
        let mut d = def();
        d.as_object_mut().unwrap().remove("host");
        let c = connector_from(d.clone(), Some(good_props()));
        let dyn_props = with(
            json!({"policyTemplateInstances": [{"templateId": "dynamichosturl", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://x"}}]}),
        );
        let c_2 = connector_from(d, Some(dyn_props));
        Tester::new(
            &HOST_NOT_DEFINED,
            vec![(c_2, Profile::Custom)],
            vec![fail((c, Profile::Custom)).at([""]).then(|f| {
                assert!(f[0].message.starts_with("no 'host' in the definition"));
            })],
        )
        .test();
    }
}
