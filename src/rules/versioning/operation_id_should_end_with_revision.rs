use super::*;

def_rule!(
    OPERATION_ID_SHOULD_END_WITH_REVISION,
    "OperationIdShouldEndWithRevision",
    Warning,
    ALL,
    "An operation with revision N > 1 whose operationId does not end with `_VN`",
    "Microsoft names revisions `GetItems`, `GetItems_V2`, `GetItems_V3`…; the suffix keeps \
operationIds unique and tells flow authors which version they use. A bare `V2` suffix is \
accepted too.",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            let (Some(r), Some(id)) = (revision_number(op), op.operation_id) else {
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
);
