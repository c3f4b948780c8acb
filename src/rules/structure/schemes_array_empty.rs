use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `schemes` is present but empty
    ///
    /// ### Why
    /// An empty `schemes` list leaves the connector with no way to call the service. List `https`
    /// (or remove the key).
    ///
    /// ### Example
    /// Bad: `"schemes": []`
    /// Good: `"schemes": ["https"]`
    pub(crate) static SCHEMES_ARRAY_EMPTY: Rule {
        code: "SchemesArrayEmpty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if schemes(cx)
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
    {
        sink.emit("/schemes", "`schemes` must not be empty: use [\"https\"]");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn empty_schemes() {
        Tester::new(
            &SCHEMES_ARRAY_EMPTY,
            vec![minimal(), patch(minimal(), json!({"schemes": null}))],
            vec![fail(patch(minimal(), json!({"schemes": []}))).at(["/schemes"])],
        )
        .test();
    }
}
