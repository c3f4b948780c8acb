use super::*;

def_rule!(
    OPERATION_FAMILY_HAS_MANY_EMPTY_REVISIONS,
    "OperationFamilyHasManyEmptyRevisions",
    Error,
    ALL,
    "More than one operation of a family has no `revision`",
    "An operation without `revision` counts as revision 1; two of them in one family collide. \
Number the revisions.",
    OV,
    |cx, sink| {
        for (fam, list) in families(ops(cx)) {
            for op in list.iter().filter(|o| revision(o).is_none()).skip(1) {
                sink.emit(
                    ann_ptr(op),
                    format!("family '{fam}' has more than one operation without a revision"),
                );
            }
        }
    }
);
