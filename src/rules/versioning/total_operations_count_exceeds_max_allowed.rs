use super::*;

def_rule!(
    TOTAL_OPERATIONS_COUNT_EXCEEDS_MAX_ALLOWED,
    "TotalOperationsCountExceedsMaxAllowed",
    Error,
    ALL,
    "More than 256 operations in one definition",
    "A connector may define at most 256 operations (Microsoft's published limit). Split it into \
several connectors or remove unused operations.",
    |cx, sink| {
        let n = ops(cx).len();
        if n > MAX_OPERATIONS {
            sink.emit(
                "/paths",
                format!("{n} operations exceed the limit of {MAX_OPERATIONS}"),
            );
        }
    }
);
