use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `exclusiveMinimum` without `minimum`
    ///
    /// ### Why
    /// In Swagger 2.0 `exclusiveMinimum` is a boolean that modifies `minimum`; alone it means
    /// nothing. Add `minimum` or remove it.
    ///
    /// ### Example
    /// Bad: `{"type": "number", "exclusiveMinimum": true}`
    /// Good: `{"type": "number", "minimum": 0, "exclusiveMinimum": true}`
    pub(crate) static EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM: Rule {
        code: "ExclusiveMinimumRequiresMinimum",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    requires(sink, cx, "exclusiveMinimum", "minimum")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn exclusive_minimum_alone() {
        Tester::new(
            &EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM,
            vec![with_def(
                json!({"type": "number", "exclusiveMinimum": true, "minimum": 0}),
            )],
            vec![
                fail(with_def(
                    json!({"type": "number", "exclusiveMinimum": true}),
                ))
                .at(["/definitions/X/exclusiveMinimum"])
                .then(|f| {
                    assert_eq!(f[0].message, "`exclusiveMinimum` needs `minimum`");
                }),
            ],
        )
        .test();
    }
}
