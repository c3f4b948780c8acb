use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a required input became optional
    ///
    /// ### Why
    /// Relaxing a requirement is safe.
    ///
    /// ### Example
    /// Before: body schema `NewItem` with `required: [name]`.
    /// After: `NewItem` with `required: []`.
    pub(crate) static INPUT_BECAME_OPTIONAL: DiffRule {
        code: "InputBecameOptional",
        severity: Info,
        gate: Gate::Advice,
        area: "input",
        source: "BCD-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_required_body_property_becomes_optional() {
        snapshot_reports("InputBecameOptional", |_, n| {
            set(n, &format!("{NEWITEM}/required"), Some(json!([])))
        });
    }

    #[test]
    fn not_reported_for_a_path_parameter_which_is_always_required() {
        assert_does_not_report("InputBecameOptional", |_, n| {
            set(n, &format!("{GET}/parameters/0/required"), None)
        });
    }
}
