use super::*;

def_rule!(
    OPERATION_ID_TOO_LONG,
    "OperationIdTooLong",
    Error,
    ALL,
    "An operationId longer than 128 characters",
    "Microsoft's validator rejects over-long operationIds but does not publish the limit, so \
connkit picks 128 characters: a common identifier limit on Azure, and about twice the longest \
operationId among the 538 public connectors we calibrated on (69 characters, certified). An id \
that long is also unusable in flow expressions. Shorten it.",
    |cx, sink| {
        for op in ops(cx) {
            if let Some(id) = op.operation_id
                && id.chars().count() > MAX_OPERATION_ID
            {
                sink.emit(
                    join(&op.pointer, "operationId"),
                    format!(
                        "operationId is {} characters long (limit {MAX_OPERATION_ID})",
                        id.chars().count()
                    ),
                );
            }
        }
    }
);
