use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A family has more than two operations that are not deprecated
    ///
    /// ### Why
    /// At most two revisions of an operation may be live at once (the current one and its
    /// predecessor during migration). Mark older revisions `"deprecated": true`.
    pub static OPERATION_FAMILY_HAS_MANY_ACTIVE_OPERATIONS: Rule {
        code: "OperationFamilyHasManyActiveOperations",
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
        for op in list.iter().filter(|o| !o.is_deprecated()).skip(2) {
            sink.emit(
                ann_ptr(op),
                format!("family '{fam}' has more than two active operations"),
            );
        }
    }
}
