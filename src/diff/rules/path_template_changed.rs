use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the URL path of an operation changed
    ///
    /// ### Why
    /// The path is part of the operation's contract. Add a new revision with the new path instead.
    /// A segment moved between `basePath` and the path (`/v1` + `/items` → `/` + `/v1/items`) is
    /// the same URL and is not reported.
    ///
    /// ### Example
    /// Before: `CreateItem` at `POST /items`.
    /// After: `CreateItem` at `POST /things`.
    ///
    /// ### Evidence
    /// Microsoft gives a changed path as its example of a breaking change (certification updates,
    /// BCD-02), and its ValidateChange reports it (BC-02).
    pub static PATH_TEMPLATE_CHANGED: DiffRule {
        code: "PathTemplateChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "operation",
        microsoft: Some("The path template has been changed"),
        source: "BC-02, BCD-02",
    }
}
