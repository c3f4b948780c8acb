use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation with revision N > 1 whose operationId does not end with `_VN`
    ///
    /// ### Why
    /// Microsoft names revisions `GetItems`, `GetItems_V2`, `GetItems_V3`…; the suffix keeps
    /// operationIds unique and tells flow authors which version they use. A bare `V2` suffix is
    /// accepted too.
    pub static OPERATION_ID_SHOULD_END_WITH_REVISION: Rule {
        code: "OperationIdShouldEndWithRevision",
        severity: Severity::Warning,
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
        let (Some(r), Some(id)) = (op.revision_number(), op.operation_id) else {
            continue;
        };
        if r > 1 && !id.to_ascii_lowercase().ends_with(&format!("v{r}")) {
            sink.emit(
                join(&op.pointer, "operationId"),
                format!("operationId '{id}' of revision {r} should end with '_V{r}'"),
            );
        }
    }
}
