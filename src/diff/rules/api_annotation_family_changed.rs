use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// x-ms-api-annotation.family changed for an existing operation
    ///
    /// ### Why
    /// The family links the revisions of one operation; changing it breaks the designer's upgrade
    /// path. Adding a family to an operation that had none is not reported.
    ///
    /// ### Example
    /// Before: `GetItem` with `x-ms-api-annotation: {family: GetItem}`.
    /// After: `GetItem` with `x-ms-api-annotation: {family: Other}`.
    pub(crate) static FAMILY_CHANGED: DiffRule {
        code: "ApiAnnotationFamilyChanged",
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
    fn reported_when_the_family_changes() {
        snapshot_reports("ApiAnnotationFamilyChanged", |_, n| {
            set(
                n,
                &format!("{GET}/x-ms-api-annotation/family"),
                Some(json!("Other")),
            )
        });
    }

    #[test]
    fn not_reported_when_a_family_is_added() {
        assert_does_not_report("ApiAnnotationFamilyChanged", |_, n| {
            set(
                n,
                "/paths/~1items/post/x-ms-api-annotation",
                Some(json!({"family": "CreateItem"})),
            )
        });
    }
}
