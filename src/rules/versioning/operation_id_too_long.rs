use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operationId longer than 128 characters
    ///
    /// ### Why
    /// Microsoft's validator rejects over-long operationIds but does not publish the limit, so
    /// connkit picks 128 characters: a common identifier limit on Azure, and about twice the
    /// longest operationId among the 538 public connectors we calibrated on (69 characters,
    /// certified). An id that long is also unusable in flow expressions. Shorten it.
    ///
    /// ### Example
    /// Bad: an operationId of 129 or more characters
    /// Good: `GetTask`
    pub(crate) static OPERATION_ID_TOO_LONG: Rule {
        code: "OperationIdTooLong",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if let Some(id) = op.operation_id
            && id.chars().count() > MAX_OPERATION_ID
        {
            sink.emit(
                join(&op.pointer, "operationId"),
                format!(
                    "operationId is {} characters long (limit {MAX_OPERATION_ID})",
                    id.chars().count()
                ),
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
    fn over_128_characters() {
        let d = fam(json!([{"operationId": "A".repeat(129)}]));
        let d_2 = fam(json!([{"operationId": "A".repeat(128)}]));
        Tester::new(
            &OPERATION_ID_TOO_LONG,
            vec![d_2],
            vec![fail(d).at([at(0, "/operationId")]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "operationId is 129 characters long (limit 128)"
                );
            })],
        )
        .test();
    }
}
