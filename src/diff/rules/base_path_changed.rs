use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// basePath changed
    ///
    /// ### Why
    /// Every operation's URL changes. A trailing `/` is no change, and a missing `basePath` is `/`.
    ///
    /// ### Example
    /// Before: `basePath: /v1`.
    /// After: `basePath: /v2`.
    pub(crate) static BASE_PATH_CHANGED: DiffRule {
        code: "BasePathChanged",
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
    fn reported_when_the_base_path_changes() {
        snapshot_reports("BasePathChanged", |_, n| {
            set(n, "/basePath", Some(json!("/v2")))
        });
    }

    #[test]
    fn not_reported_for_a_trailing_slash() {
        assert_does_not_report("BasePathChanged", |_, n| {
            set(n, "/basePath", Some(json!("/v1/")))
        });
    }
}
