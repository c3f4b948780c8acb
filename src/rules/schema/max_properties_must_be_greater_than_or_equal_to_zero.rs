use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `maxProperties` is negative
    ///
    /// ### Why
    /// A count of object properties cannot be negative.
    ///
    /// ### Example
    /// Bad: `{"maxProperties": -2}`
    /// Good: `{"maxProperties": 2}`
    pub(crate) static MAX_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO: Rule {
        code: "MaxPropertiesMustBeGreaterThanOrEqualToZero",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    non_negative(sink, cx, "maxProperties")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn negative_maxproperties() {
        Tester::new(
            &MAX_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            vec![with_def(json!({"maxProperties": 2}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"maxProperties": -2})))
                    .at(["/definitions/X/maxProperties"])
                    .then(|f| {
                        assert_eq!(f[0].message, "`maxProperties` must be 0 or more, found -2");
                    }),
            ],
        )
        .test();
    }
}
