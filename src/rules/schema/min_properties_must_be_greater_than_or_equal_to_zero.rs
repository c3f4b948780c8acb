use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minProperties` is negative
    ///
    /// ### Why
    /// A count of object properties cannot be negative.
    ///
    /// ### Example
    /// Bad: `{"minProperties": -1}`
    /// Good: `{"minProperties": 1}`
    pub(crate) static MIN_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MinPropertiesMustBeGreaterThanOrEqualToZero",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    non_negative(sink, cx, "minProperties")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn negative_minproperties() {
        Tester::new(
            &MIN_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            vec![with_def(json!({"minProperties": 1}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"minProperties": -1})))
                    .at(["/definitions/X/minProperties"])
                    .then(|f| {
                        assert_eq!(f[0].message, "`minProperties` must be 0 or more, found -1");
                    }),
            ],
        )
        .test();
    }
}
