use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minLength` is negative
    ///
    /// ### Why
    /// A string length cannot be negative; use 0 (or remove the key) for no minimum.
    ///
    /// ### Example
    /// Bad: `{"minLength": -1}`
    /// Good: `{"minLength": 0}`
    pub(crate) static MIN_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MinLengthMustBeGreaterThanOrEqualToZero",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    non_negative(sink, cx, "minLength")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn negative_minlength() {
        Tester::new(
            &MIN_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            vec![with_def(json!({"minLength": 0}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"minLength": -1})))
                    .at(["/definitions/X/minLength"])
                    .then(|f| {
                        assert_eq!(f[0].message, "`minLength` must be 0 or more, found -1");
                    }),
            ],
        )
        .test();
    }
}
