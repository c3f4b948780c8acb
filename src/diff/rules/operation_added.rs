use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a new operation
    ///
    /// ### Why
    /// Adding an operation is safe.
    ///
    /// ### Example
    /// Before: no operation `Other`.
    /// After: `GET /other` with `operationId: Other`.
    pub(crate) static OPERATION_ADDED: DiffRule {
        code: "OperationAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "operation",
        source: "BCD-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_for_a_new_operation_id() {
        snapshot_reports("OperationAdded", |_, n| {
            set(
                n,
                "/paths/~1other",
                Some(json!({"get": {"operationId": "Other", "responses": {}}})),
            )
        });
    }

    #[test]
    fn not_reported_when_an_operation_only_moves() {
        assert_does_not_report("OperationAdded", |_, n| {
            let p = n.pointer("/paths/~1items").unwrap().clone();
            set(n, "/paths/~1items", None);
            set(n, "/paths/~1things", Some(p));
        });
    }
}
