use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// collectionFormat of an array parameter changed
    ///
    /// The array is serialized differently on the wire.
    pub static INPUT_COLLECTION_FORMAT_CHANGED: DiffRule {
        code: "InputCollectionFormatChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        microsoft: None,
        source: "BCI-07",
    }
}
