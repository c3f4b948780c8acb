use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minItems` is greater than `maxItems`
    ///
    /// ### Why
    /// With `minItems` above `maxItems` no array is valid.
    ///
    /// ### Example
    /// Bad: `{"minItems": 5, "maxItems": 1}`
    /// Good: `{"minItems": 1, "maxItems": 5}`
    pub(crate) static MIN_ITEMS_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_ITEMS: Rule {
        code: "MinItemsShouldBeLessThanOrEqualToMaxItems",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    ordered(sink, cx, "minItems", "maxItems")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn minitems_above_its_maximum() {
        Tester::new(
            &MIN_ITEMS_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_ITEMS,
            vec![with_def(json!({"minItems": 1, "maxItems": 5}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"minItems": 5, "maxItems": 1})))
                    .at(["/definitions/X/minItems"])
                    .then(|f| {
                        assert!(f[0].message.contains("is greater than"), "{}", f[0].message);
                    }),
            ],
        )
        .test();
    }
}
