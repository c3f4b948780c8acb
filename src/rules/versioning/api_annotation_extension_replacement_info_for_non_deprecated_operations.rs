use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-api-annotation.replacement` on an operation that is not deprecated
    ///
    /// ### Why
    /// `replacement` tells users which operation supersedes a deprecated one. On a live operation
    /// it makes no sense: either set `"deprecated": true` or remove `replacement`.
    pub static API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_FOR_NON_DEPRECATED_OPERATIONS: Rule {
        code: "ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations",
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
        if replacement(op).is_some() && !op.is_deprecated() {
            sink.emit(
                join(&ann_ptr(op), "replacement"),
                format!("{} has replacement info but is not deprecated", op.label()),
            );
        }
    }
}
