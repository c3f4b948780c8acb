use super::*;

def_rule!(
    API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_OPERATION_ID_PROPERTY,
    "ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty",
    Error,
    ALL,
    "`x-ms-api-annotation.replacement` without `operationId`",
    "A replacement names both the connector (`api`) and the `operationId` that replaces the \
deprecated operation.",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            if let Some(r) = replacement(op)
                && r.get("operationId").is_none()
            {
                sink.emit(
                    join(&ann_ptr(op), "replacement"),
                    "replacement has no 'operationId'",
                );
            }
        }
    }
);
