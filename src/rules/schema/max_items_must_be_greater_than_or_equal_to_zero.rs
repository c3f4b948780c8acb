use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `maxItems` is negative
    ///
    /// ### Why
    /// A count of array items cannot be negative.
    ///
    /// ### Example
    /// Bad: `{"maxItems": -1}`
    /// Good: `{"maxItems": 0}`
    pub(crate) static MAX_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MaxItemsMustBeGreaterThanOrEqualToZero",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    non_negative(sink, cx, "maxItems")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn negative_maxitems() {
        Tester::new(
            &MAX_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            vec![with_def(json!({"maxItems": 0}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"maxItems": -1})))
                    .at(["/definitions/X/maxItems"])
                    .then(|f| {
                        assert_eq!(f[0].message, "`maxItems` must be 0 or more, found -1");
                    }),
            ],
        )
        .test();
    }
}
