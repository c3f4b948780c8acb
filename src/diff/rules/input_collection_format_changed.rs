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
    pub(crate) static INPUT_COLLECTION_FORMAT_CHANGED: DiffRule {
        code: "InputCollectionFormatChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        source: "BCI-07",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_csv_becomes_multi() {
        snapshot_reports("InputCollectionFormatChanged", |_, n| {
            set(
                n,
                &format!("{GET}/parameters/2/collectionFormat"),
                Some(json!("multi")),
            )
        });
    }

    #[test]
    fn not_reported_when_csv_is_left_implicit() {
        // A missing collectionFormat is csv.
        assert_does_not_report("InputCollectionFormatChanged", |_, n| {
            set(n, &format!("{GET}/parameters/2/collectionFormat"), None)
        });
    }
}
