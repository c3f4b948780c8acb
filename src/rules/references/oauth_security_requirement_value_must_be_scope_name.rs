use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An OAuth requirement lists a scope its definition does not declare
    ///
    /// ### Why
    /// Scopes listed in a requirement must be keys of the OAuth definition's `scopes` map.
    ///
    /// ### Example
    /// Bad: `"security": [{"oauth": ["write"]}]` when `securityDefinitions.oauth.scopes` is `{"read": "…"}`
    /// Good: `"security": [{"oauth": ["read"]}]`
    ///
    /// ### Evidence
    /// A **warning**. Microsoft's validator lets undeclared scopes through: validated merges of 6
    /// connectors (AADInvitationManager 2023, …). The identity provider, not the definition,
    /// decides which scopes exist.
    pub(crate) static OAUTH_SECURITY_REQUIREMENT_VALUE_MUST_BE_SCOPE_NAME: Rule {
        code: "OAuthSecurityRequirementValueMustBeScopeName",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, name, v) in requirement_entries(cx) {
        let Some(def) = security_definition(cx, name) else {
            continue;
        };
        if def.get("type").and_then(Value::as_str) != Some("oauth2") {
            continue;
        }
        let scopes = def.get("scopes").and_then(Value::as_object);
        for (i, s) in v.as_array().into_iter().flatten().enumerate() {
            let Some(s) = s.as_str() else { continue };
            if !scopes.is_some_and(|m| m.contains_key(s)) {
                sink.emit(
                    format!("{at}/{i}"),
                    format!("scope '{s}' is not declared in securityDefinitions.{name}.scopes"),
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
    fn undeclared_scope() {
        let d = with_security(json!([{"key": []}, {"oauth": ["read", "write"]}]));
        let good = with_security(json!([{"oauth": ["read"]}]));
        Tester::new(
            &OAUTH_SECURITY_REQUIREMENT_VALUE_MUST_BE_SCOPE_NAME,
            vec![good],
            vec![fail(d).at(["/security/1/oauth/1"]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "scope 'write' is not declared in securityDefinitions.oauth.scopes"
                );
            })],
        )
        .test();
    }
}
