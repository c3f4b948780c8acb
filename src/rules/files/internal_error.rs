use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connkit rule failed on this input (a connkit bug)
    ///
    /// ### Why
    /// A rule hit an unexpected condition. The other rules still ran. Please report it with the
    /// file that triggered it.
    ///
    /// ### Example
    /// Bad: any input on which a rule panics (please report it)
    /// Good: the same input after the fix: the rule reports its own findings, or none
    ///
    /// ### Evidence
    /// Not a gate: a connkit bug. It is a warning so that a crash in one rule never fails a
    /// submission Microsoft would accept; please report it.
    pub(crate) static INTERNAL_ERROR: Rule {
        code: "InternalError",
        severity: Severity::Warning,
        gate: Gate::Advice,
        file: FileKind::Folder,
        source: "https://github.com/connkit/connkit/issues",
        check,
    }
}

fn check(_: &Context<'_>, _: &mut Sink<'_>) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn boom(_: &Context<'_>, _: &mut Sink<'_>) {
        panic!("a rule bug");
    }

    crate::declare_code! {
        /// A rule that always panics
        ///
        /// ### Why
        /// To test that a panic becomes an InternalError finding.
        static BOOM: Rule {
            code: "Boom",
            severity: Severity::Error,
            gate: Gate::Pipeline,
            file: FileKind::Definition,
            source: "",
            check: boom,
        }
    }

    #[test]
    fn a_panicking_rule_becomes_an_internal_error() {
        Tester::new(
            &INTERNAL_ERROR,
            // The declaration itself never reports.
            vec![minimal()],
            // A panic in another rule is reported as this code.
            vec![fail(minimal()).through(&BOOM).count(1).then(|f| {
                assert_eq!(f[0].code, "InternalError");
                assert_eq!(f[0].severity, Severity::Warning);
                assert_eq!(
                    f[0].message,
                    "internal error in rule Boom; please report it with this file"
                );
            })],
        )
        .test();
    }
}
