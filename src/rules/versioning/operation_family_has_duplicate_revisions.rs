use super::*;

def_rule!(
    OPERATION_FAMILY_HAS_DUPLICATE_REVISIONS,
    "OperationFamilyHasDuplicateRevisions",
    Error,
    ALL,
    "Two operations of one family share a `revision`",
    "Revisions number the versions of one logical operation (`family`): each must be unique. \
Give the newer operation the next revision.",
    OV,
    |cx, sink| {
        for (fam, list) in families(ops(cx)) {
            let mut seen: Vec<(u64, String)> = Vec::new();
            for op in list {
                let Some(r) = revision_number(op) else {
                    continue;
                };
                if let Some((_, prev)) = seen.iter().find(|(x, _)| *x == r) {
                    sink.emit(
                        join(&ann_ptr(op), "revision"),
                        format!("family '{fam}' already has revision {r} ({prev})"),
                    );
                } else {
                    seen.push((r, op.label()));
                }
            }
        }
    }
);
