use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// an optional input became required
    ///
    /// ### Why
    /// Flows that left it empty now fail. A path parameter is always required, so marking one
    /// `required: true` is no change.
    ///
    /// ### Example
    /// Before: query parameter `filter` with `required: false`.
    /// After: `filter` with `required: true`.
    pub(crate) static INPUT_BECAME_REQUIRED: DiffRule {
        code: "InputBecameRequired",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("The input field has been changed from optional to required"),
        source: "BC-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_optional_parameter_becomes_required() {
        snapshot_reports("InputBecameRequired", |_, n| {
            set(n, &format!("{FILTER}/required"), Some(json!(true)))
        });
    }

    #[test]
    fn reported_when_a_body_property_becomes_required() {
        assert_reports("InputBecameRequired", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/required"),
                Some(json!(["name", "note"])),
            )
        });
    }

    #[test]
    fn not_reported_for_a_path_parameter_which_is_always_required() {
        assert_does_not_report("InputBecameRequired", |o, _| {
            set(o, &format!("{GET}/parameters/0/required"), None)
        });
    }
}
