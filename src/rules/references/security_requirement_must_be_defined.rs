use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `security` requirement names a scheme not in `securityDefinitions`
    ///
    /// ### Why
    /// Each key of a security requirement must be the name of an entry of `securityDefinitions`.
    ///
    /// ### Example
    /// Bad: `"security": [{"oauth2-auth": []}]` with no `securityDefinitions.oauth2-auth`
    /// Good: `"security": [{"oauth": []}]` where `oauth` is a key of `securityDefinitions`
    ///
    /// ### Evidence
    /// Calibration: a warning, not an error. Connections authenticate through apiProperties.json's
    /// connection parameters, and Microsoft's validator let 3 of 106
    /// certified/independent-publisher connectors changed in 2024 through with undefined schemes
    /// (Bloomflow, Scrive eSign, Annature). It is still a real inconsistency worth fixing.
    pub(crate) static SECURITY_REQUIREMENT_MUST_BE_DEFINED: Rule {
        code: "SecurityRequirementMustBeDefined",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, name, _) in requirement_entries(cx) {
        if security_definition(cx, name).is_none() {
            sink.emit(
                at,
                format!("security scheme '{name}' is not defined in securityDefinitions"),
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
    fn undefined_scheme() {
        let d = with_security(json!([{"key": []}, {"nope": []}]));
        // Operation-level requirements are checked too.
        let mut d_2 = with_security(json!([]));
        d_2.pointer_mut(OP).unwrap()["security"] = json!([{"nope": []}]);
        Tester::new(
            &SECURITY_REQUIREMENT_MUST_BE_DEFINED,
            vec![with_security(json!([{"key": []}, {"oauth": ["read"]}]))],
            vec![
                fail(d).at(["/security/1/nope"]).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "security scheme 'nope' is not defined in securityDefinitions"
                    );
                }),
                fail(d_2).at([format!("{OP}/security/0/nope")]),
            ],
        )
        .test();
    }
}
