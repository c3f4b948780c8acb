use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an input constraint became stricter (maxLength, maximum, minLength, minimum, maxItems, minItems, pattern)
    ///
    /// ### Why
    /// Values accepted before may now be rejected.
    ///
    /// ### Example
    /// Before: parameter `filter` with `maxLength: 10`.
    /// After: `filter` with `maxLength: 5` (a new `pattern`, a higher `minimum`… count too; a
    /// looser bound does not).
    pub(crate) static INPUT_CONSTRAINT_TIGHTENED: DiffRule {
        code: "InputConstraintTightened",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        source: "BCD-01",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_max_length_decreases() {
        snapshot_reports("InputConstraintTightened", |_, n| {
            set(n, &format!("{FILTER}/maxLength"), Some(json!(5)))
        });
    }

    #[test]
    fn reported_when_a_pattern_is_added() {
        assert_reports("InputConstraintTightened", |_, n| {
            set(n, &format!("{FILTER}/pattern"), Some(json!("^[ab]$")))
        });
    }

    #[test]
    fn not_reported_when_max_length_increases() {
        assert_does_not_report("InputConstraintTightened", |_, n| {
            set(n, &format!("{FILTER}/maxLength"), Some(json!(20)))
        });
    }
}
