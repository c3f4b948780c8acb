use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A basic or API key requirement that lists scopes
    ///
    /// ### Why
    /// Only OAuth 2.0 requirements carry scopes; for `basic` and `apiKey` the list must be empty.
    ///
    /// ### Example
    /// Bad: `"security": [{"key": ["read"]}]` for an `apiKey` scheme `key`
    /// Good: `"security": [{"key": []}]`
    ///
    /// ### Evidence
    /// An error. On the visible merged history (1,055 versions of 528 connectors) it fires in 1
    /// version of 1 connector: Scrive eSign in the bulk merge of 2021-03-24 (no pull request, so
    /// no pipeline run); none of the 761 validated versions merged since 2022 has it.
    pub(crate) static SECURITY_REQUIREMENT_MUST_HAVE_EMPTY_VALUE: Rule {
        code: "SecurityRequirementMustHaveEmptyValue",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
        fix: Some(&FIX),
    }
}

static FIX: Fix = Fix {
    summary: "empty the scope list of a non-OAuth security requirement",
    apply: fix,
};

fn fix(doc: &mut Value, ptr: &str) -> bool {
    match doc.pointer_mut(ptr) {
        Some(Value::Array(a)) if !a.is_empty() => {
            a.clear();
            true
        }
        _ => false,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, name, v) in requirement_entries(cx) {
        let ty = security_definition(cx, name)
            .and_then(|d| d.get("type"))
            .and_then(Value::as_str);
        if matches!(ty, Some("basic" | "apiKey")) && v.as_array().is_some_and(|a| !a.is_empty()) {
            sink.emit(
                at,
                format!(
                    "requirement '{name}' is {} and must have an empty list",
                    ty.unwrap_or("")
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
    fn scopes_on_api_key() {
        let d = with_security(json!([{"key": ["read"]}, {"oauth": ["read"]}]));
        let good = with_security(json!([{"key": []}]));
        Tester::new(
            &SECURITY_REQUIREMENT_MUST_HAVE_EMPTY_VALUE,
            vec![good],
            vec![fail(d).at(["/security/0/key"]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "requirement 'key' is apiKey and must have an empty list"
                );
            })],
        )
        .test();
    }
}
