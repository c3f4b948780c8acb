use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connection parameter name has characters other than letters, digits and `_`
    ///
    /// ### Why
    /// Connection parameter names are identifiers used in policy templates
    /// (`@connectionParameters('name')`) and by the runtime. A name is letters, digits and `_`; a
    /// sub-parameter of an OAuth parameter is written `parent:child` (e.g. `token:TenantId`).
    ///
    /// ### Example
    /// Bad: `"api-key"`
    /// Good: `"api_key"`
    ///
    /// ### Evidence
    /// A **warning**. Microsoft's published schema forbids these names, but its validator does not
    /// enforce it: 3 connectors were merged validated with names such as x-Auth-Email (2024), and
    /// they work. Prefer identifiers: they are easier to use in policy templates.
    pub(crate) static CONNECTION_PARAMETER_NAME_NOT_VALID: Rule {
        code: "ConnectionParameterNameNotValid",
        severity: Severity::Warning,
        gate: Gate::Advice,
        file: FileKind::Properties,
        source: S_AP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for p in conn_params(cx) {
        if !valid_param_name(p.name) {
            sink.emit(
                    p.pointer.clone(),
                    format!(
                        "connection parameter name '{}' is not valid: use letters, digits and '_' (or 'parent:child')",
                        p.name
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
    fn names_with_other_characters() {
        let p = with(
            json!({"connectionParameters": {"api-key": {"type": "securestring"}, "token:clientId": {"type": "string"}, "api_key": {"type": "securestring"}}}),
        );
        Tester::new(
            &CONNECTION_PARAMETER_NAME_NOT_VALID,
            vec![(
                with_props(with(
                    json!({"connectionParameters": {"token:clientId": {"type": "string"}, "api_key": {"type": "securestring"}}}),
                )),
                Profile::Custom,
            )],
            vec![
                fail((with_props(p), Profile::Custom)).at(["/properties/connectionParameters/api-key"]).then(|f| {
                    assert!(
                        f[0].message
                            .starts_with("connection parameter name 'api-key' is not valid")
                    );
                }),
            ],
        )
        .test();
    }
}
