use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an operation was removed while its x-ms-api-annotation family has a newer revision
    ///
    /// ### Why
    /// The family's newer revision is the documented replacement. Microsoft recommends deprecating
    /// the old revision first (hidden in the designer, still working) rather than deleting it.
    ///
    /// ### Example
    /// Before: `GetItem` with `x-ms-api-annotation: {family: GetItem, revision: 1}`.
    /// After: `GetItem` is gone; `GetItem_V2` has `x-ms-api-annotation: {family: GetItem, revision:
    /// 2}`.
    pub(crate) static OPERATION_DELETED_NEWER_REVISION: DiffRule {
        code: "OperationDeletedWithNewerRevision",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        source: "BC-01, VER-01",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_family_has_a_newer_revision() {
        snapshot_reports("OperationDeletedWithNewerRevision", |_, n| {
            let mut v2 = n.pointer(GET).unwrap().clone();
            set(&mut v2, "/operationId", Some(json!("GetItem_V2")));
            set(&mut v2, "/x-ms-api-annotation/revision", Some(json!(2)));
            set(n, "/paths/~1v2~1items~1{id}", Some(json!({"get": v2})));
            set(n, "/paths/~1items~1{id}", None);
        });
    }

    #[test]
    fn not_reported_when_the_other_member_of_the_family_is_not_newer() {
        let got = assert_does_not_report("OperationDeletedWithNewerRevision", |_, n| {
            let mut v2 = n.pointer(GET).unwrap().clone();
            set(&mut v2, "/operationId", Some(json!("GetItem_V2")));
            set(n, "/paths/~1v2~1items~1{id}", Some(json!({"get": v2})));
            set(n, "/paths/~1items~1{id}", None);
        });
        assert!(got.contains(&"OperationDeleted"), "{got:?}");
    }
}
