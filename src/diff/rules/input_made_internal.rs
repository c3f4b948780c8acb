use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an input became x-ms-visibility: internal without a default
    ///
    /// An internal input is hidden from makers; without a default nothing fills it.
    pub static INPUT_MADE_INTERNAL: DiffRule {
        code: "InputMadeInternal",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        microsoft: None,
        source: "BCI-05",
    }
}
