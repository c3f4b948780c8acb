use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an input constraint became stricter (maxLength, maximum, minLength, minimum, maxItems,
    /// minItems, pattern)
    ///
    /// Values accepted before may now be rejected.
    pub static INPUT_CONSTRAINT_TIGHTENED: DiffRule {
        code: "InputConstraintTightened",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        microsoft: None,
        source: "BCD-01",
    }
}
