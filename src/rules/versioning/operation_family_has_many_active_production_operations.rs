use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than one live operation of a family has `status: Production`
    ///
    /// ### Why
    /// Only one revision of a family can be the production one; deprecate the older revision (or
    /// mark the newer one `Preview` until it replaces it).
    pub static OPERATION_FAMILY_HAS_MANY_ACTIVE_PRODUCTION_OPERATIONS: Rule {
        code: "OperationFamilyHasManyActiveProductionOperations",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
