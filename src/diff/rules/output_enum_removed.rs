use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an output lost its enum list
    ///
    /// ### Why
    /// Flows that compare the output against the listed values can no longer rely on them.
    ///
    /// ### Example
    /// Before: response property `status` with `enum: [open, closed]`.
    /// After: `status` with no `enum`.
    ///
    /// ### Evidence
    /// A warning. No quoted ValidateChange list contains a removed output enum.
    pub static OUTPUT_ENUM_REMOVED: DiffRule {
        code: "OutputEnumRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        microsoft: None,
        source: "BC-08",
    }
}
