use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-api-annotation.replacement` on an operation that is not deprecated
    ///
    /// ### Why
    /// `replacement` tells users which operation supersedes a deprecated one. On a live operation
    /// it makes no sense: either set `"deprecated": true` or remove `replacement`.
    ///
    /// ### Example
    /// Bad: `{"operationId": "GetTask", "x-ms-api-annotation": {"replacement": {"api": "contosotasks", "operationId": "GetTask_V2"}}}`
    /// Good: the same with `"deprecated": true`
    pub(crate) static API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_FOR_NON_DEPRECATED_OPERATIONS: Rule {
        code: "ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if replacement(op).is_some() && !op.is_deprecated() {
            sink.emit(
                join(&ann_ptr(op), "replacement"),
                format!("{} has replacement info but is not deprecated", op.label()),
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
    fn replacement_on_a_live_operation() {
        let ann = json!({"replacement": {"api": "contosotasks", "operationId": "GetTask_V2"}});
        let d = fam(json!([{"operationId": "GetTask", "x-ms-api-annotation": ann}]));
        let d_2 = fam(
            json!([{"operationId": "GetTask", "deprecated": true, "x-ms-api-annotation": ann}]),
        );
        Tester::new(
            &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_FOR_NON_DEPRECATED_OPERATIONS,
            vec![d_2],
            vec![
                fail(d)
                    .at([at(0, "/x-ms-api-annotation/replacement")])
                    .then(|f| {
                        assert!(
                            f[0].message
                                .ends_with("has replacement info but is not deprecated")
                        );
                    }),
            ],
        )
        .test();
    }
}
