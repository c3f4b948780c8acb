use super::*;

pub static PARAMETER_REF_LOOP_NOT_ALLOWED: Rule = Rule {
    code: "ParameterRefLoopNotAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A root `parameters` entry that is itself a `$ref`",
    explanation: "Shared parameters must be written out; an entry of the root `parameters` may \
not point to another entry.",
    source: SV,
    check: |cx, sink| ref_loop(cx, sink, "parameters", "parameter"),
};
