use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a summary, description, title or x-ms-summary changed
    ///
    /// ### Why
    /// Text-only changes are safe (Microsoft's minor-update list).
    ///
    /// ### Example
    /// Before: `GetItem` with `summary: Get item`.
    /// After: `GetItem` with `summary: Get one item`.
    pub static TEXT_CHANGED: DiffRule {
        code: "TextChanged",
        severity: Info,
        gate: Gate::Advice,
        area: "text",
        microsoft: None,
        source: "BCD-06",
    }
}
