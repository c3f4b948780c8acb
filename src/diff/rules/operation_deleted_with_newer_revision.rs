use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an operation was removed while its x-ms-api-annotation family has a newer revision
    ///
    /// ### Why
    /// The family's newer revision is the documented replacement. Microsoft recommends deprecating
    /// the old revision first (hidden in the designer, still working) rather than deleting it.
    ///
    /// ### Example
    /// Before: `GetItem` with `x-ms-api-annotation: {family: GetItem, revision: 1}`.
    /// After: `GetItem` is gone; `GetItem_V2` has `x-ms-api-annotation: {family: GetItem, revision:
    /// 2}`.
    pub static OPERATION_DELETED_NEWER_REVISION: DiffRule {
        code: "OperationDeletedWithNewerRevision",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BC-01, VER-01",
    }
}
