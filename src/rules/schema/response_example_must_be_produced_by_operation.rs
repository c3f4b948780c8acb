use super::*;
use crate::model::swagger::mime_essence;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A response example's MIME type is not in the operation's `produces`
    ///
    /// ### Why
    /// Response `examples` are keyed by MIME type, and each must be a type the operation produces
    /// (its own `produces`, else the document's). Rename the key (usually to `application/json`) or
    /// add the type to `produces`.
    ///
    /// ### Example
    /// Bad: `"produces": ["application/json"]` with `"examples": {"text/json": {…}}`
    /// Good: `"produces": ["application/json"]` with `"examples": {"application/json": {…}}`
    pub(crate) static RESPONSE_EXAMPLE_MUST_BE_PRODUCED_BY_OPERATION: Rule {
        code: "ResponseExampleMustBeProducedByOperation",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for r in sw.response_nodes() {
        let Some(i) = r.operation else { continue };
        let Some(op) = sw.operations.get(i) else {
            continue;
        };
        let Some(examples) = r.value.get("examples").and_then(Value::as_object) else {
            continue;
        };
        let produces = sw.media_types(op, "produces");
        if produces.is_empty() {
            continue;
        }
        let produced: Vec<String> = produces.into_iter().map(mime_essence).collect();
        for k in examples.keys() {
            if !produced.contains(&mime_essence(k)) {
                sink.emit(
                    join(&join(&r.pointer, "examples"), k),
                    format!("example type '{k}' is not produced by {}", op.label()),
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
    fn example_of_a_type_not_produced() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {"200": {
                "examples": {"application/json": {}, "text/xml": "<a/>"}}}}}}}),
        );
        Tester::new(
            &RESPONSE_EXAMPLE_MUST_BE_PRODUCED_BY_OPERATION,
            vec![minimal()],
            vec![
                fail(def)
                    .at([format!("{GET}/responses/200/examples/text~1xml")])
                    .then(|f| {
                        assert!(
                            f[0].message
                                .starts_with("example type 'text/xml' is not produced by ")
                        );
                    }),
            ],
        )
        .test();
    }
}
