use super::*;

pub static SCHEMA_REF_LOOP_NOT_ALLOWED: Rule = Rule {
    code: "SchemaRefLoopNotAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A definition whose `$ref` chain comes back to itself",
    explanation: "`A → B → A` with nothing but references never reaches a schema. (Recursive \
schemas through `properties` or `items` are fine.)\n\nCalibration: a definition that is only a \
`$ref` to another definition (an alias) is accepted in connectors Microsoft certified, so only \
cycles are reported, and chains of more than 64 aliases (reported once, at the first), which \
connkit does not follow further.",
    source: SV,
    check: |cx, sink| ref_loop(cx, sink, "definitions", "definition"),
};
