use super::*;

def_rule!(
    OPERATION_FAMILY_HAS_MANY_ACTIVE_OPERATIONS,
    "OperationFamilyHasManyActiveOperations",
    Error,
    ALL,
    "A family has more than two operations that are not deprecated",
    "At most two revisions of an operation may be live at once (the current one and its \
predecessor during migration). Mark older revisions `\"deprecated\": true`.",
    OV,
    |cx, sink| {
        for (fam, list) in families(ops(cx)) {
            for op in list.iter().filter(|o| !o.is_deprecated()).skip(2) {
                sink.emit(
                    ann_ptr(op),
                    format!("family '{fam}' has more than two active operations"),
                );
            }
        }
    }
);
