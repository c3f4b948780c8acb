use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// an operationId of the old definition is missing from the new one
    ///
    /// ### Why
    /// Flows and apps call operations by operationId; a deleted operation breaks every flow that
    /// uses it. Renaming an operationId is a deletion plus an addition (Microsoft's model): keep
    /// the old operation, mark it `deprecated: true`, and add the new one as a new revision (same
    /// x-ms-api-annotation family, revision + 1).
    ///
    /// ### Example
    /// Before: `POST /items` with `operationId: CreateItem`.
    /// After: no operation has `operationId: CreateItem` (the path is gone, or the operationId
    /// became `CreateItemV2`).
    pub(crate) static OPERATION_DELETED: DiffRule {
        code: "OperationDeleted",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "operation",
        microsoft: Some("The operation has been deleted"),
        source: "BC-01",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_operation_id_is_gone() {
        snapshot_reports("OperationDeleted", |_, n| set(n, "/paths/~1items", None));
    }

    #[test]
    fn not_reported_when_the_operation_keeps_its_id_on_another_path() {
        let got = assert_does_not_report("OperationDeleted", |_, n| {
            let p = n.pointer("/paths/~1items").unwrap().clone();
            set(n, "/paths/~1items", None);
            set(n, "/paths/~1things", Some(p));
        });
        assert!(got.contains(&"PathTemplateChanged"), "{got:?}");
    }
}
