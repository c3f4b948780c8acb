use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an input became x-ms-visibility: internal without a default
    ///
    /// ### Why
    /// An internal input is hidden from makers; without a default nothing fills it. An input made
    /// internal with a default is not reported.
    ///
    /// ### Example
    /// Before: body property `note` with no `x-ms-visibility` and no `default`.
    /// After: `note` with `x-ms-visibility: internal`, still no `default`.
    pub static INPUT_MADE_INTERNAL: DiffRule {
        code: "InputMadeInternal",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        microsoft: None,
        source: "BCI-05",
    }
}
