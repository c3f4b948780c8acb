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
    /// Good: `"replacement": {"api": "contosotasks", "operationId": "GetTask_V2"}`.
    pub static API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_API_PROPERTY: Rule {
        code: "ApiAnnotationExtensionReplacementInfoMissingApiProperty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if let Some(r) = replacement(op)
            && r.get("api").is_none()
        {
            sink.emit(
                join(&ann_ptr(op), "replacement"),
                "replacement has no 'api'",
            );
        }
    }
}
