use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-api-annotation.replacement` without `api`
    ///
    /// ### Why
    /// A replacement names both the connector (`api`) and the `operationId` that replaces the
    /// deprecated operation.
    ///
    /// ### Example
    /// Bad: `"replacement": {"operationId": "GetTask_V2"}`
    /// Good: `"replacement": {"api": "contosotasks", "operationId": "GetTask_V2"}`.
    pub(crate) static API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_API_PROPERTY: Rule {
        code: "ApiAnnotationExtensionReplacementInfoMissingApiProperty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    replacement_without(cx, sink, "api");
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn replacement_without_api() {
        let d = fam(
            json!([{"operationId": "A", "deprecated": true, "x-ms-api-annotation": {"replacement": {"operationId": "GetTask_V2"}}}]),
        );
        let d_2 = fam(
            json!([{"operationId": "A", "deprecated": true, "x-ms-api-annotation": {"replacement": {"api": "contosotasks", "operationId": "GetTask_V2"}}}]),
        );
        Tester::new(
            &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_API_PROPERTY,
            vec![d_2],
            vec![
                fail(d)
                    .at([at(0, "/x-ms-api-annotation/replacement")])
                    .then(|f| {
                        assert_eq!(f[0].message, "replacement has no 'api'");
                    }),
            ],
        )
        .test();
    }
}
