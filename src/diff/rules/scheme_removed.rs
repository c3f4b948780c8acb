use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a scheme (http/https) was removed
    ///
    /// ### Why
    /// Requests over the removed scheme are no longer described.
    ///
    /// ### Example
    /// Before: `schemes: [http, https]`.
    /// After: `schemes: [https]`.
    pub(crate) static SCHEME_REMOVED: DiffRule {
        code: "SchemeRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        source: "BCI-07",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_scheme_is_no_longer_listed() {
        snapshot_reports("SchemeRemoved", |o, _| {
            set(o, "/schemes", Some(json!(["http", "https"])))
        });
    }

    #[test]
    fn not_reported_when_schemes_are_left_out() {
        // No `schemes` at all: nothing is said, nothing is removed.
        assert_does_not_report("SchemeRemoved", |_, n| set(n, "/schemes", None));
    }
}
