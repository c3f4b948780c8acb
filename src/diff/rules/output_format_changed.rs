use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the format of an output changed (e.g. uuid added)
    ///
    /// ### Why
    /// Later steps that use the output may read its value differently. When the type changes too,
    /// only `OutputTypeChanged` is reported.
    ///
    /// ### Example
    /// Before: response property `id` with `type: string` and no `format`.
    /// After: `id` with `format: uuid`.
    ///
    /// ### Evidence
    /// Microsoft's validator reports any format change of an output field, also adding one (BC-11).
    pub static OUTPUT_FORMAT_CHANGED: DiffRule {
        code: "OutputFormatChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The type format has been changed for the output field"),
        source: "BC-11",
    }
}
