use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a parameter or body property was removed
    ///
    /// ### Why
    /// Microsoft's versioning policy lists removing parameters as breaking: flows that set it send
    /// a value the API no longer accepts.
    ///
    /// ### Example
    /// Before: body schema `NewItem` has a property `note`.
    /// After: `NewItem` has no `note`.
    ///
    /// ### Evidence
    /// A warning. Microsoft's ValidateChange has never been quoted reporting a removed input: in
    /// PR #3656 its list showed RequiredInputAdded and OutputPropertyDeleted next to a case-renamed
    /// input, and no removal.
    pub static INPUT_REMOVED: DiffRule {
        code: "InputRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        microsoft: None,
        source: "BCI-02, BCD-01",
    }
}
