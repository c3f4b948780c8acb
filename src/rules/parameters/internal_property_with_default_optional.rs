use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An internal parameter with a `default` that is not required
    ///
    /// ### Why
    /// Users never see an `internal` parameter, so nobody fills it in; if it is optional the
    /// designer leaves it out and its `default` is never sent. Mark it `"required": true` so the
    /// default always goes out (or remove it if the service does not need it).
    ///
    /// ### Example
    /// Bad: `{"name": "api-version", "in": "query", "default": "2024-01-01", "x-ms-visibility":
    /// "internal"}`
    /// Good: the same with `"required": true`.
    pub(crate) static INTERNAL_PROPERTY_WITH_DEFAULT_OPTIONAL: Rule {
        code: "InternalPropertyWithDefaultOptional",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if s(v, "in") != Some("body")
            && internal(v)
            && v.get("default").is_some()
            && !is_true(v, "required")
        {
            sink.emit(
                ptr,
                format!(
                    "internal parameter '{}' has a default but is optional",
                    s(v, "name").unwrap_or("?")
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
    fn optional_internal_default() {
        let d = with_param(
            json!({"name": "v", "in": "query", "type": "string", "default": "1", "x-ms-visibility": "internal"}),
        );
        let d_2 = with_param(
            json!({"name": "v", "in": "query", "type": "string", "default": "1", "required": true, "x-ms-visibility": "internal"}),
        );
        Tester::new(
            &INTERNAL_PROPERTY_WITH_DEFAULT_OPTIONAL,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1")])],
        )
        .test();
    }
}
