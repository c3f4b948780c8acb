use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than one `in: body` parameter
    ///
    /// ### Why
    /// A request has one body. Model several body fields as properties of one body schema.
    ///
    /// ### Example
    /// Bad: `"parameters": [{"name": "title", "in": "body", …}, {"name": "due", "in": "body", …}]`
    /// Good: `"parameters": [{"name": "body", "in": "body", "schema": {"type": "object", "properties":
    /// {"title": {…}, "due": {…}}}}]`
    pub(crate) static OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS: Rule {
        code: "OperationParametersContainMultipleBodyParameters",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let bodies: Vec<_> = op
            .params
            .iter()
            .filter(|p| p.location == Some("body"))
            .collect();
        for extra in bodies.iter().skip(1) {
            sink.emit(
                extra.pointer.clone(),
                format!("{} has more than one body parameter", op.label()),
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
    fn two_bodies() {
        let d = with_params(&[
            json!({"name": "b1", "in": "body", "schema": {}}),
            json!({"name": "b2", "in": "body", "schema": {}}),
        ]);
        let one = with_params(&[json!({"name": "b1", "in": "body", "schema": {}})]);
        Tester::new(
            &OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
            vec![one],
            vec![fail(d).at([format!("{OP}/parameters/2")])],
        )
        .test();
    }
}
