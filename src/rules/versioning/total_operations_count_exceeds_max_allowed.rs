use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than 256 operations in one definition
    ///
    /// ### Why
    /// A connector may define at most 256 operations (Microsoft's published limit). Split it into
    /// several connectors or remove unused operations.
    ///
    /// ### Example
    /// Bad: 257 operations under `paths`
    /// Good: at most 256 operations; split the rest into another connector
    pub(crate) static TOTAL_OPERATIONS_COUNT_EXCEEDS_MAX_ALLOWED: Rule {
        code: "TotalOperationsCountExceedsMaxAllowed",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let n = ops(cx).len();
    if n > MAX_OPERATIONS {
        sink.emit(
            "/paths",
            format!("{n} operations exceed the limit of {MAX_OPERATIONS}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn more_than_256_operations() {
        let ops = |n: usize| -> Value {
            (0..n)
                .map(|i| json!({"operationId": format!("Op{i}")}))
                .collect()
        };
        Tester::new(
            &TOTAL_OPERATIONS_COUNT_EXCEEDS_MAX_ALLOWED,
            vec![fam(ops(255))],
            vec![
                // `fam` keeps the minimal definition's operation: 256 + 1.
                fail(fam(ops(256))).at(["/paths"]).then(|f| {
                    assert_eq!(f[0].message, "257 operations exceed the limit of 256");
                }),
            ],
        )
        .test();
    }
}
