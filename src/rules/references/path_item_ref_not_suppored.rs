use super::*;

pub static PATH_ITEM_REF_NOT_SUPPORED: Rule = Rule {
    code: "PathItemRefNotSuppored",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path item uses `$ref`",
    explanation: "Swagger allows `$ref` on a path item; the platform does not. Write the \
operations out under the path. (The code is spelled as Microsoft's validator spells it.)",
    source: SV,
    check: |cx, sink| {
        for s in sites(cx).iter().filter(|s| s.kind == RefKind::PathItem) {
            sink.emit(join(&s.at, "$ref"), "path items cannot use $ref");
        }
    },
};
