use super::*;

def_rule!(
    OPERATION_ID_SANITIZED,
    "OperationIdSanitized",
    Warning,
    ALL,
    "An operationId with characters other than letters, digits and `_`",
    "The platform rewrites operationIds with other characters (`-`, `.`, spaces…), so the id \
flows and dynamic references see differs from the one written. Use PascalCase letters and \
digits (`_V2` suffixes are fine).\n\nBad: `get-task`  Good: `GetTask`.",
    |cx, sink| {
        for op in ops(cx) {
            if let Some(id) = op.operation_id
                && !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                sink.emit(
                    join(&op.pointer, "operationId"),
                    format!("operationId '{id}' will be sanitized"),
                );
            }
        }
    }
);
