//! Fidelity with Microsoft's ValidateChange: what it reports (and what it does not), checked
//! against the messages quoted on real pull requests. The cases of one rule are in its file
//! (`rules/<snake_code>.rs`); the severities and gates of all rules are checked here.

use super::*;

#[test]
fn severities_and_gates_follow_microsofts_change_validator() {
    use crate::core::Gate;
    let find = |c: &str| rules::find(c).unwrap();
    // Reported by ValidateChange as an error (PR #480).
    assert_eq!(find("InputTypeChanged").severity, DiffSeverity::Breaking);
    assert!(find("InputTypeChanged").microsoft.is_some());
    // Never seen in a quoted ValidateChange list: warnings.
    for code in ["InputRemoved", "OutputEnumRemoved", "MethodChanged"] {
        assert_eq!(find(code).severity, DiffSeverity::Warning, "{code}");
        assert_ne!(find(code).gate, Gate::Pipeline, "{code}");
    }
    // Breaking only where a gate stops the submission.
    for r in rules::RULES {
        if r.severity == DiffSeverity::Breaking {
            assert!(
                matches!(r.gate, Gate::Pipeline | Gate::Review),
                "{}",
                r.code
            );
        }
        if r.microsoft.is_some() {
            assert_eq!(r.gate, Gate::Pipeline, "{}", r.code);
        }
    }
}
