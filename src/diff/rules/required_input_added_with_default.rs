use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a new required input that has a default value
    ///
    /// ### Why
    /// A default fills the value for existing flows in the designer, but Microsoft's validator
    /// still reports a new required input: expect to justify it in the pull request.
    ///
    /// ### Example
    /// Before: `GetItem` has no `api-version` parameter.
    /// After: `GetItem` has `{name: api-version, in: query, required: true, default: "2024"}`.
    ///
    /// ### Evidence
    /// The pipeline reports any new required input with the same message as `RequiredInputAdded`
    /// (BC-04), whether or not it has a default; hence a warning with gate `pipeline`.
    pub(crate) static REQUIRED_INPUT_ADDED_WITH_DEFAULT: DiffRule {
        code: "RequiredInputAddedWithDefault",
        severity: Warning,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("A new required input field has been added"),
        source: "BC-04",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_for_a_new_required_parameter_with_a_default() {
        snapshot_reports("RequiredInputAddedWithDefault", |_, n| {
            let mut ps = n.pointer(&format!("{GET}/parameters")).unwrap().clone();
            ps.as_array_mut().unwrap().push(json!({"name": "api-version", "in": "query", "required": true, "type": "string", "default": "2024"}));
            set(n, &format!("{GET}/parameters"), Some(ps));
        });
    }

    #[test]
    fn not_reported_without_a_default() {
        let got = assert_does_not_report("RequiredInputAddedWithDefault", |_, n| {
            let mut ps = n.pointer(&format!("{GET}/parameters")).unwrap().clone();
            ps.as_array_mut().unwrap().push(
                json!({"name": "api-version", "in": "query", "required": true, "type": "string"}),
            );
            set(n, &format!("{GET}/parameters"), Some(ps));
        });
        assert!(got.contains(&"RequiredInputAdded"), "{got:?}");
    }
}
