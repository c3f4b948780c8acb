use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the format of an input changed
    ///
    /// Values saved in flows may no longer be valid (e.g. date vs date-time).
    pub static INPUT_FORMAT_CHANGED: DiffRule {
        code: "InputFormatChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        microsoft: None,
        source: "BCI-03",
    }
}
