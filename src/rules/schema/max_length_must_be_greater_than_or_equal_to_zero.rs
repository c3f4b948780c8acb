use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `maxLength` is negative
    ///
    /// ### Why
    /// A string length cannot be negative.
    ///
    /// ### Example
    /// Bad: `{"maxLength": -1}`
    /// Good: `{"maxLength": 3}`
    pub(crate) static MAX_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MaxLengthMustBeGreaterThanOrEqualToZero",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    non_negative(sink, cx, "maxLength")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn negative_maxlength() {
        Tester::new(
            &MAX_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            vec![with_def(json!({"maxLength": 3}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"maxLength": -1})))
                    .at(["/definitions/X/maxLength"])
                    .then(|f| {
                        assert_eq!(f[0].message, "`maxLength` must be 0 or more, found -1");
                    }),
            ],
        )
        .test();
    }
}
