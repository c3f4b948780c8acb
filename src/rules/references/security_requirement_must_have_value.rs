use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A security requirement whose value is not a list
    ///
    /// ### Why
    /// The value of each requirement is a list of scopes: `[]` for basic and API key schemes.
    ///
    /// ### Example
    /// Bad: `"security": [{"key": null}]`
    /// Good: `"security": [{"key": []}]`
    pub(crate) static SECURITY_REQUIREMENT_MUST_HAVE_VALUE: Rule {
        code: "SecurityRequirementMustHaveValue",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, name, v) in requirement_entries(cx) {
        if !v.is_array() {
            sink.emit(at, format!("requirement '{name}' must be a list (use [])"));
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
    fn requirement_not_a_list() {
        let d = with_security(json!([{"key": []}, {"key": null}, {"oauth": "read"}]));
        Tester::new(
            &SECURITY_REQUIREMENT_MUST_HAVE_VALUE,
            vec![with_security(json!([{"key": []}, {"oauth": ["read"]}]))],
            vec![
                fail(d)
                    .at(["/security/1/key", "/security/2/oauth"])
                    .then(|f| {
                        assert_eq!(f[0].message, "requirement 'key' must be a list (use [])");
                    }),
            ],
        )
        .test();
    }
}
