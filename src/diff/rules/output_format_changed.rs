use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the format of an output changed (e.g. uuid added)
    ///
    /// Microsoft's validator reports any format change of an output field, also adding one.
    pub static OUTPUT_FORMAT_CHANGED: DiffRule {
        code: "OutputFormatChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The type format has been changed for the output field"),
        source: "BC-11",
    }
}
