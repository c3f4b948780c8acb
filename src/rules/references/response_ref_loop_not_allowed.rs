use super::*;

pub static RESPONSE_REF_LOOP_NOT_ALLOWED: Rule = Rule {
    code: "ResponseRefLoopNotAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A root `responses` entry that is itself a `$ref`",
    explanation: "Shared responses must be written out; an entry of the root `responses` may \
not point to another entry.",
    source: SV,
    check: |cx, sink| ref_loop(cx, sink, "responses", "response"),
};
