use super::*;

def_rule!(
    OPERATION_REVISION_EMPTY,
    "OperationRevisionEmpty",
    Warning,
    ALL,
    "An operation declares a `family` but its `revision` is missing or empty",
    "Operations grouped in a family are told apart by `revision` (an integer ≥ 1). Add it.\n\n\
Good: `\"x-ms-api-annotation\": {\"family\": \"GetTask\", \"revision\": 2}`.\n\n\
Calibration: the versioning docs read a missing revision as 1, and Adobe Experience Manager \
(certified, 2023) was merged with single-operation families without revisions, so this is a \
warning; two revision-less operations in one family are OperationFamilyHasManyEmptyRevisions \
(error).",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            let has_family = annotation(op).is_some_and(|a| a.get("family").is_some());
            if has_family && revision(op).is_none() {
                sink.emit(
                    ann_ptr(op),
                    format!("{} has a family but no revision", op.label()),
                );
            }
        }
    }
);
