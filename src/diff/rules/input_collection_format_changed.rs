use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// collectionFormat of an array parameter changed
    ///
    /// ### Why
    /// The array is serialized differently on the wire. A missing `collectionFormat` means `csv`,
    /// so adding or removing `csv` is no change.
    ///
    /// ### Example
    /// Before: array parameter `fields` with `collectionFormat: csv`.
    /// After: `fields` with `collectionFormat: multi`.
    pub static INPUT_COLLECTION_FORMAT_CHANGED: DiffRule {
        code: "InputCollectionFormatChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        microsoft: None,
        source: "BCI-07",
    }
}
