use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than one operation of a family has no `revision`
    ///
    /// ### Why
    /// An operation without `revision` counts as revision 1; two of them in one family collide.
    /// Number the revisions.
    pub static OPERATION_FAMILY_HAS_MANY_EMPTY_REVISIONS: Rule {
        code: "OperationFamilyHasManyEmptyRevisions",
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
        for op in list.iter().filter(|o| o.revision().is_none()).skip(1) {
            sink.emit(
                ann_ptr(op),
                format!("family '{fam}' has more than one operation without a revision"),
            );
        }
    }
}
