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
    pub static MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
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
        // The Bad and Good examples.
        let f = run(
            &MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            with_def(json!({"minItems": -1})),
        );
        assert_eq!(pointers(&f), vec!["/definitions/X/minItems"]);
        assert_eq!(f[0].message, "`minItems` must be 0 or more, found -1");
        assert!(
            run(
                &MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
                with_def(json!({"minItems": 1}))
            )
            .is_empty()
        );
    }
}
