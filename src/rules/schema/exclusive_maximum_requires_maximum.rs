use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `exclusiveMaximum` without `maximum`
    ///
    /// ### Why
    /// In Swagger 2.0 `exclusiveMaximum` is a boolean that modifies `maximum`; alone it means
    /// nothing. Add `maximum` or remove it.
    ///
    /// ### Example
    /// Bad: `{"type": "number", "exclusiveMaximum": true}`
    /// Good: `{"type": "number", "maximum": 3, "exclusiveMaximum": true}`
    pub(crate) static EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM: Rule {
        code: "ExclusiveMaximumRequiresMaximum",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    requires(sink, cx, "exclusiveMaximum", "maximum")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn exclusive_maximum_alone() {
        Tester::new(
            &EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM,
            vec![with_def(
                json!({"type": "number", "exclusiveMaximum": true, "maximum": 3}),
            )],
            vec![
                fail(with_def(
                    json!({"type": "number", "exclusiveMaximum": true}),
                ))
                .at(["/definitions/X/exclusiveMaximum"])
                .then(|f| {
                    assert_eq!(f[0].message, "`exclusiveMaximum` needs `maximum`");
                }),
            ],
        )
        .test();
    }
}
