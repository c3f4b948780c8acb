use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two operations share an `operationId`
    ///
    /// ### Why
    /// operationIds must be unique across the whole definition. The comparison ignores letter case,
    /// as the platform's does: `GetItem` and `getItem` collide.
    pub static OPERATION_ID_NOT_UNIQUE: Rule {
        code: "OperationIdNotUnique",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
}
