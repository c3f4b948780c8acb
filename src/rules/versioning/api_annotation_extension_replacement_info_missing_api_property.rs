use super::*;

def_rule!(
    API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_API_PROPERTY,
    "ApiAnnotationExtensionReplacementInfoMissingApiProperty",
    Error,
    ALL,
    "`x-ms-api-annotation.replacement` without `api`",
    "A replacement names both the connector (`api`) and the `operationId` that replaces the \
deprecated operation.\n\nGood: `\"replacement\": {\"api\": \"contosotasks\", \"operationId\": \
\"GetTask_V2\"}`.",
    OV,
    |cx, sink| {
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
);
