use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a summary, description, title or x-ms-summary changed
    ///
    /// Text-only changes are safe (Microsoft's minor-update list).
    pub static TEXT_CHANGED: DiffRule {
        code: "TextChanged",
        severity: Info,
        gate: Gate::Advice,
        area: "text",
        microsoft: None,
        source: "BCD-06",
    }
}
