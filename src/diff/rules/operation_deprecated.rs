use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// an operation is newly deprecated
    ///
    /// ### Why
    /// Deprecation is the documented, non-breaking way to retire an operation: existing flows keep
    /// working, the designer hides it. Append '(deprecated)' to summary and description.
    ///
    /// ### Example
    /// Before: `GetItem` with no `deprecated`.
    /// After: `GetItem` with `deprecated: true`.
    pub(crate) static OPERATION_DEPRECATED: DiffRule {
        code: "OperationDeprecated",
        severity: Info,
        gate: Gate::Advice,
        area: "operation",
        source: "BCI-05, VER-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_operation_becomes_deprecated() {
        snapshot_reports("OperationDeprecated", |_, n| {
            set(n, &format!("{GET}/deprecated"), Some(json!(true)))
        });
    }

    #[test]
    fn not_reported_for_deprecated_false() {
        assert_does_not_report("OperationDeprecated", |_, n| {
            set(n, &format!("{GET}/deprecated"), Some(json!(false)))
        });
    }
}
