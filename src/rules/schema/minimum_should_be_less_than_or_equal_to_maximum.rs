use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minimum` is greater than `maximum`
    ///
    /// ### Why
    /// With `minimum` above `maximum` no number is valid. Swap or fix the bounds.
    ///
    /// ### Example
    /// Bad: `{"minimum": 10, "maximum": 1}`
    /// Good: `{"minimum": 1, "maximum": 10}`
    pub(crate) static MINIMUM_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAXIMUM: Rule {
        code: "MinimumShouldBeLessThanOrEqualToMaximum",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    ordered(sink, cx, "minimum", "maximum")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn minimum_above_its_maximum() {
        Tester::new(
            &MINIMUM_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAXIMUM,
            vec![with_def(json!({"minimum": 1, "maximum": 10}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"minimum": 10, "maximum": 1})))
                    .at(["/definitions/X/minimum"])
                    .then(|f| {
                        assert!(f[0].message.contains("is greater than"), "{}", f[0].message);
                    }),
            ],
        )
        .test();
    }
}
