use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operationId is not PascalCase
    ///
    /// ### Why
    /// Microsoft's coding standards ask for PascalCase operationIds without `-` or `_` between
    /// words (`GetMessages`, not `get_messages` or `getMessages`); the one accepted suffix is a
    /// revision marker such as `_V2`. This is a recommendation, so it is reported as info; an
    /// existing id must not be renamed in an update (that breaks flows).
    ///
    /// ### Example
    /// Bad: `"operationId": "get_task"`
    /// Good: `"operationId": "GetTask"` (or `"GetTask_V2"`)
    pub(crate) static OPERATION_ID_NOT_PASCAL_CASE: Rule {
        code: "OperationIdNotPascalCase",
        severity: Severity::Info,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: STD,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if let Some(id) = op.operation_id
            && !id.is_empty()
            && !crate::model::names::is_pascal_id(id)
        {
            sink.emit(
                join(&op.pointer, "operationId"),
                format!("operationId '{id}' is not PascalCase (e.g. 'GetTask', 'GetTask_V2')"),
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
    fn pascal_case_ids() {
        let def = op_patch(json!({"operationId": "get_task"}));
        Tester::new(
            &OPERATION_ID_NOT_PASCAL_CASE,
            vec![(
                op_patch(json!({"operationId": "GetTask_V2"})),
                Profile::Certified,
            )],
            vec![fail((def, Profile::Certified)).at([format!("{OP}/operationId")])],
        )
        .test();
    }
}
