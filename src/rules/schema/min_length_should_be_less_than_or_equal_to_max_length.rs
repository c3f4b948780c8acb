use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `minLength` is greater than `maxLength`
    ///
    /// ### Why
    /// With `minLength` above `maxLength` no string is valid.
    ///
    /// ### Example
    /// Bad: `{"minLength": 5, "maxLength": 1}`
    /// Good: `{"minLength": 1, "maxLength": 5}`
    pub(crate) static MIN_LENGTH_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_LENGTH: Rule {
        code: "MinLengthShouldBeLessThanOrEqualToMaxLength",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    ordered(sink, cx, "minLength", "maxLength")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn minlength_above_its_maximum() {
        Tester::new(
            &MIN_LENGTH_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_LENGTH,
            vec![with_def(json!({"minLength": 1, "maxLength": 5}))],
            vec![
                // The Bad and Good examples.
                fail(with_def(json!({"minLength": 5, "maxLength": 1})))
                    .at(["/definitions/X/minLength"])
                    .then(|f| {
                        assert!(f[0].message.contains("is greater than"), "{}", f[0].message);
                    }),
            ],
        )
        .test();
    }
}
