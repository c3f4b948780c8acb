//! apiProperties.json: connection parameters, sets and policy templates by name.

use super::*;

/// Compare two apiProperties.json values (`properties.connectionParameters`, sets, policies).
pub(crate) fn properties(old: &Value, new: &Value, out: &mut Vec<(Which, RawChange)>) {
    let mut emit =
        |rule: &'static DiffRule, o: Option<String>, n: Option<String>, message: String| {
            out.push((
                Which::Properties,
                RawChange {
                    rule,
                    operation: String::new(),
                    old: o,
                    new: n,
                    message,
                },
            ));
        };
    let params = |v: &Value| -> Vec<(String, Value)> {
        v.pointer("/properties/connectionParameters")
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default()
    };
    let base = "/properties/connectionParameters";
    let required = |v: &Value| {
        s(v.get("type")) == Some("oauthSetting")
            || is_truthy(v.pointer("/uiDefinition/constraints/required"))
    };
    let (op, np) = (params(old), params(new));
    for (name, ov) in &op {
        let p = join(base, name);
        match np.iter().find(|(k, _)| k == name) {
            None => emit(
                &r::CONNECTION_PARAMETER_REMOVED,
                Some(p),
                Some(base.into()),
                format!("connection parameter '{name}' removed"),
            ),
            Some((_, nv)) => {
                if ov.get("type") != nv.get("type") {
                    emit(
                        &r::CONNECTION_PARAMETER_TYPE_CHANGED,
                        Some(join(&p, "type")),
                        Some(join(&p, "type")),
                        format!(
                            "type of connection parameter '{name}' changed from {} to {}",
                            show_opt(ov.get("type")),
                            show_opt(nv.get("type"))
                        ),
                    );
                }
                if !required(ov) && required(nv) {
                    emit(
                        &r::CONNECTION_PARAMETER_MADE_REQUIRED,
                        Some(p.clone()),
                        Some(p.clone() + "/uiDefinition/constraints/required"),
                        format!("connection parameter '{name}' became required"),
                    );
                }
                let idp = |v: &Value| v.pointer("/oAuthSettings/identityProvider").cloned();
                if idp(ov).is_some() && idp(ov) != idp(nv) {
                    emit(
                        &r::IDENTITY_PROVIDER_CHANGED,
                        Some(p.clone() + "/oAuthSettings/identityProvider"),
                        Some(p.clone() + "/oAuthSettings"),
                        format!(
                            "identity provider of '{name}' changed from {} to {}",
                            show_opt(idp(ov).as_ref()),
                            show_opt(idp(nv).as_ref())
                        ),
                    );
                }
                let scopes = |v: &Value| v.pointer("/oAuthSettings/scopes").cloned();
                if scopes(ov) != scopes(nv) && scopes(ov).is_some() {
                    emit(
                        &r::OAUTH_SCOPES_CHANGED,
                        Some(p.clone() + "/oAuthSettings/scopes"),
                        Some(p.clone() + "/oAuthSettings/scopes"),
                        format!(
                            "OAuth scopes of '{name}' changed from {} to {}",
                            show_opt(scopes(ov).as_ref()),
                            show_opt(scopes(nv).as_ref())
                        ),
                    );
                }
            }
        }
    }
    for (name, nv) in &np {
        if op.iter().any(|(k, _)| k == name) {
            continue;
        }
        let rule = if required(nv) {
            &r::CONNECTION_PARAMETER_ADDED
        } else {
            &r::OPTIONAL_CONNECTION_PARAMETER_ADDED
        };
        emit(
            rule,
            Some(base.into()),
            Some(join(base, name)),
            format!("connection parameter '{name}' added"),
        );
    }
    let sets = |v: &Value| -> BTreeSet<String> {
        v.pointer("/properties/connectionParameterSets/values")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| s(x.get("name")).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (os, ns) = (sets(old), sets(new));
    if os != ns {
        let p = "/properties/connectionParameterSets".to_string();
        emit(
            &r::CONNECTION_PARAMETER_SETS_CHANGED,
            Some(p.clone()),
            Some(p),
            format!(
                "connection parameter sets changed from [{}] to [{}]",
                os.into_iter().collect::<Vec<_>>().join(", "),
                ns.into_iter().collect::<Vec<_>>().join(", ")
            ),
        );
    }
    let policies = |v: &Value| -> BTreeSet<String> {
        v.pointer("/properties/policyTemplateInstances")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(canonical).collect())
            .unwrap_or_default()
    };
    if policies(old) != policies(new) {
        let p = "/properties/policyTemplateInstances".to_string();
        emit(
            &r::POLICY_TEMPLATES_CHANGED,
            Some(p.clone()),
            Some(p),
            "policyTemplateInstances changed".into(),
        );
    }
    let _ = METHODS;
}
