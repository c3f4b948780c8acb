use super::*;

def_rule!(
    OPERATION_FAMILY_HAS_MANY_ACTIVE_PRODUCTION_OPERATIONS,
    "OperationFamilyHasManyActiveProductionOperations",
    Error,
    ALL,
    "More than one live operation of a family has `status: Production`",
    "Only one revision of a family can be the production one; deprecate the older revision \
(or mark the newer one `Preview` until it replaces it).",
    OV,
    |cx, sink| {
        for (fam, list) in families(ops(cx)) {
            for op in list
                .iter()
                .filter(|o| !o.is_deprecated() && is_production(o))
                .skip(1)
            {
                sink.emit(
                    join(&ann_ptr(op), "status"),
                    format!("family '{fam}' has more than one active Production operation"),
                );
            }
        }
    }
);
