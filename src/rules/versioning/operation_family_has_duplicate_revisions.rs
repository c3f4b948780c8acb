use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two operations of one family share a `revision`
    ///
    /// ### Why
    /// Revisions number the versions of one logical operation (`family`): each must be unique. Give
    /// the newer operation the next revision.
    pub static OPERATION_FAMILY_HAS_DUPLICATE_REVISIONS: Rule {
        code: "OperationFamilyHasDuplicateRevisions",
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
        let mut seen: Vec<(u64, String)> = Vec::new();
        for op in list {
            let Some(r) = op.revision_number() else {
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
