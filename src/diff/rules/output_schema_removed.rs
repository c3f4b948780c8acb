use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a success (2xx or default) response that had a schema no longer has one
    ///
    /// ### Why
    /// Every output field of the response is gone. Error responses (4xx, 5xx) are not outputs a
    /// flow can use and are not compared; neither is an empty schema (`{}`), which declares no
    /// outputs.
    ///
    /// ### Example
    /// Before: `GetItem`'s response `200` has `schema: {$ref: '#/definitions/Item'}`.
    /// After: response `200` has no `schema` (or is removed).
    pub static OUTPUT_SCHEMA_REMOVED: DiffRule {
        code: "OutputSchemaRemoved",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The output field has been deleted"),
        source: "BC-09",
    }
}
