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
    pub(crate) static TEXT_CHANGED: DiffRule {
        code: "TextChanged",
        severity: Info,
        gate: Gate::Advice,
        area: "text",
        source: "BCD-06",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_summary_changes() {
        snapshot_reports("TextChanged", |_, n| {
            set(n, &format!("{GET}/summary"), Some(json!("Get one item")))
        });
    }

    #[test]
    fn reported_when_a_description_is_added() {
        assert_reports("TextChanged", |_, n| {
            set(
                n,
                &format!("{FILTER}/description"),
                Some(json!("Which items")),
            )
        });
    }
}
