use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `multipleOf` is zero or negative
    ///
    /// ### Why
    /// `multipleOf` must be a number greater than 0.
    ///
    /// ### Example
    /// Bad: `{"type": "number", "multipleOf": 0}`
    /// Good: `{"type": "number", "multipleOf": 0.5}`
    pub(crate) static MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO: Rule {
        code: "MultipleOfMustBeGreaterThanZero",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx) {
        if let Some(m) = n.num("multipleOf")
            && m <= 0.0
        {
            sink.emit(
                n.at("multipleOf"),
                format!("multipleOf {m} must be greater than 0"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn zero_multiple_of() {
        Tester::new(
            &MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO,
            vec![with_def(json!({"type": "number", "multipleOf": 0.5}))],
            vec![
                fail(with_def(json!({"type": "number", "multipleOf": 0})))
                    .at(["/definitions/X/multipleOf"])
                    .then(|f| {
                        assert_eq!(f[0].message, "multipleOf 0 must be greater than 0");
                    }),
            ],
        )
        .test();
    }
}
