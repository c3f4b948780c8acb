use super::*;

pub static OPERATION_ID_NOT_UNIQUE: Rule = Rule {
    code: "OperationIdNotUnique",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two operations share an `operationId`",
    explanation: "operationIds must be unique across the whole definition. The comparison \
ignores letter case, as the platform's does: `GetItem` and `getItem` collide.",
    source: SV,
    check: |cx, sink| {
        let mut first: HashMap<String, &Operation<'_>> = HashMap::new();
        for op in ops(cx) {
            let Some(id) = op.operation_id else { continue };
            match first.get(&id.to_lowercase()) {
                Some(prev) => sink.emit(
                    join(&op.pointer, "operationId"),
                    format!(
                        "operationId '{id}' is already used by {} {}",
                        prev.method.to_uppercase(),
                        prev.path
                    ),
                ),
                None => {
                    first.insert(id.to_lowercase(), op);
                }
            }
        }
    },
};
