use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a value was added to an output's enum
    ///
    /// ### Why
    /// Flows with a switch over the old values do not handle the new one.
    ///
    /// ### Example
    /// Before: response property `status` with `enum: [open, closed]`.
    /// After: `status` with `enum: [open, closed, archived]`.
    pub static OUTPUT_ENUM_VALUE_ADDED: DiffRule {
        code: "OutputEnumValueAdded",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        microsoft: None,
        source: "BCD-01",
    }
}
