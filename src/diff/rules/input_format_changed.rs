use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the format of an input changed
    ///
    /// ### Why
    /// Values saved in flows may no longer be valid (e.g. date vs date-time). When the type changes
    /// too, only `InputTypeChanged` is reported.
    ///
    /// ### Example
    /// Before: parameter `top` with `type: integer, format: int32`.
    /// After: `top` with `type: integer, format: int64`.
    pub static INPUT_FORMAT_CHANGED: DiffRule {
        code: "InputFormatChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        microsoft: None,
        source: "BCI-03",
    }
}
