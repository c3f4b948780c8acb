use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation has no `operationId`
    ///
    /// ### Why
    /// The platform identifies actions and triggers by `operationId`: flows store it, dynamic
    /// values refer to it, and renaming it later is a breaking change. Give every operation a
    /// stable PascalCase id.
    ///
    /// ### Example
    /// Bad: `"get": {"summary": "Get a task", "responses": {…}}`
    /// Good: `"get": {"operationId": "GetTask", "summary": "Get a task", "responses": {…}}`
    pub(crate) static OPERATION_ID_REQUIRED: Rule {
        code: "OperationIdRequired",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        match op.get("operationId") {
            Some(Value::String(s)) if !s.trim().is_empty() => {}
            Some(_) => sink.emit(
                join(&op.pointer, "operationId"),
                "`operationId` must be a non-empty string",
            ),
            None if op.value.is_object() => sink.emit(
                op.pointer.clone(),
                format!("{} has no operationId", op.label()),
            ),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn missing_operation_id() {
        let mut d = minimal();
        d.pointer_mut(OP)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("operationId");
        Tester::new(
            &OPERATION_ID_REQUIRED,
            vec![minimal()],
            vec![fail(d).at([OP])],
        )
        .test();
    }
}
