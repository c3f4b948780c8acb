use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// x-ms-api-annotation.revision changed for an existing operation
    ///
    /// ### Why
    /// A new revision should be a new operation (new operationId and path); an existing operation
    /// keeps its revision. A missing revision counts as 1.
    ///
    /// ### Example
    /// Before: `GetItem` with `x-ms-api-annotation: {revision: 1}`.
    /// After: `GetItem` with `x-ms-api-annotation: {revision: 2}`.
    pub(crate) static REVISION_CHANGED: DiffRule {
        code: "ApiAnnotationRevisionChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        source: "BCI-09",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_revision_changes() {
        snapshot_reports("ApiAnnotationRevisionChanged", |_, n| {
            set(
                n,
                &format!("{GET}/x-ms-api-annotation/revision"),
                Some(json!(2)),
            )
        });
    }

    #[test]
    fn not_reported_when_revision_1_is_written_out() {
        // A missing revision is revision 1.
        assert_does_not_report("ApiAnnotationRevisionChanged", |_, n| {
            set(
                n,
                "/paths/~1items/post/x-ms-api-annotation",
                Some(json!({"revision": 1})),
            )
        });
    }
}
