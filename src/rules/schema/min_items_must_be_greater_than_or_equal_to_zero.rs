use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minItems` is negative
    ///
    /// ### Why
    /// A count of array items cannot be negative; use 0 (or remove the key) for no minimum.
    ///
    /// ### Example
    /// Bad: `{"minItems": -1}`
    /// Good: `{"minItems": 1}`
    pub(crate) static MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MinItemsMustBeGreaterThanOrEqualToZero",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    non_negative(sink, cx, "minItems")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn negative_minitems() {
        Tester::new(
            &MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            vec![with_def(json!({"minItems": 1}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"minItems": -1})))
                    .at(["/definitions/X/minItems"])
                    .then(|f| {
                        assert_eq!(f[0].message, "`minItems` must be 0 or more, found -1");
                    }),
            ],
        )
        .test();
    }
}
