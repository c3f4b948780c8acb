use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a new required input that has a default value
    ///
    /// A default fills the value for existing flows in the designer, but Microsoft's validator
    /// still reports a new required input: expect to justify it in the pull request.
    pub static REQUIRED_INPUT_ADDED_WITH_DEFAULT: DiffRule {
        code: "RequiredInputAddedWithDefault",
        severity: Warning,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("A new required input field has been added"),
        source: "BC-04",
    }
}
