use super::*;

def_rule!(
    API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_FOR_NON_DEPRECATED_OPERATIONS,
    "ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations",
    Error,
    ALL,
    "`x-ms-api-annotation.replacement` on an operation that is not deprecated",
    "`replacement` tells users which operation supersedes a deprecated one. On a live operation \
it makes no sense: either set `\"deprecated\": true` or remove `replacement`.",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            if replacement(op).is_some() && !op.is_deprecated() {
                sink.emit(
                    join(&ann_ptr(op), "replacement"),
                    format!("{} has replacement info but is not deprecated", op.label()),
                );
            }
        }
    }
);
