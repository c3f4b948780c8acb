use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the URL path of an operation changed
    ///
    /// The path is part of the operation's contract (Microsoft gives it as the example of a
    /// breaking change). Add a new revision with the new path instead.
    pub static PATH_TEMPLATE_CHANGED: DiffRule {
        code: "PathTemplateChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "operation",
        microsoft: Some("The path template has been changed"),
        source: "BC-02, BCD-02",
    }
}
