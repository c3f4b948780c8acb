use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation is `Production` while the connector is `Preview`
    ///
    /// ### Why
    /// An operation cannot be more mature than its connector. Raise
    /// `info.x-ms-api-annotation.status` to `Production` or set the operation to `Preview`.
    ///
    /// ### Example
    /// Bad: `"info": {"x-ms-api-annotation": {"status": "Preview"}}` with an operation `"x-ms-api-annotation": {"status": "Production"}`
    /// Good: the operation `"status": "Preview"`, or the connector `"status": "Production"`
    ///
    /// ### Evidence
    /// Calibration: the versioning docs say a connector without a status is `Preview`, but four
    /// certified connectors have `Production` operations and no connector status (PDF4me SwissQR,
    /// Egnyte and PDF4me Connect last changed in 2024), so Microsoft does not apply that default
    /// here. Only an explicit connector `Preview` is compared.
    pub(crate) static OPERATION_STATUS_AHEAD_OF_CONNECTOR: Rule {
        code: "OperationStatusAheadOfConnector",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(root) = cx.connector.definition_value() else {
        return;
    };
    let connector = root
        .pointer("/info/x-ms-api-annotation/status")
        .and_then(Value::as_str);
    if !connector.is_some_and(|s| s.eq_ignore_ascii_case("preview")) {
        return;
    }
    for op in ops(cx).iter().filter(|o| is_production(o)) {
        sink.emit(
            join(&ann_ptr(op), "status"),
            format!("{} is Production but the connector is Preview", op.label()),
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
    fn production_operation_in_preview_connector() {
        let d = patch(
            fam(json!([{"operationId": "A", "x-ms-api-annotation": {"status": "Production"}}])),
            json!({"info": {"x-ms-api-annotation": {"status": "Preview"}}}),
        );
        // No connector status: not compared (calibration).
        let d_2 =
            fam(json!([{"operationId": "A", "x-ms-api-annotation": {"status": "Production"}}]));
        Tester::new(
            &OPERATION_STATUS_AHEAD_OF_CONNECTOR,
            vec![d_2],
            vec![
                fail(d)
                    .at([at(0, "/x-ms-api-annotation/status")])
                    .then(|f| {
                        assert!(
                            f[0].message
                                .ends_with("is Production but the connector is Preview")
                        );
                    }),
            ],
        )
        .test();
    }
}
