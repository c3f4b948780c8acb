use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-api-annotation.replacement` without `operationId`
    ///
    /// ### Why
    /// A replacement names both the connector (`api`) and the `operationId` that replaces the
    /// deprecated operation.
    ///
    /// ### Example
    /// Bad: `"replacement": {"api": "contosotasks"}`
    /// Good: `"replacement": {"api": "contosotasks", "operationId": "GetTask_V2"}`
    pub(crate) static API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_OPERATION_ID_PROPERTY: Rule {
        code: "ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    replacement_without(cx, sink, "operationId");
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn replacement_without_operation_id() {
        let d = fam(
            json!([{"operationId": "A", "deprecated": true, "x-ms-api-annotation": {"replacement": {"api": "contosotasks"}}}]),
        );
        Tester::new(
            &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_OPERATION_ID_PROPERTY,
            vec![fam(
                json!([{"operationId": "A", "deprecated": true, "x-ms-api-annotation": {"replacement": {"api": "contosotasks", "operationId": "B"}}}]),
            )],
            vec![
                fail(d).at([at(0, "/x-ms-api-annotation/replacement")]).then(|f| {
                    assert_eq!(f[0].message, "replacement has no 'operationId'");
                }),
            ],
        )
        .test();
    }
}
