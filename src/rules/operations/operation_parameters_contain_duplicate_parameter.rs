use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two parameters of an operation share both `name` and `in`
    ///
    /// ### Why
    /// A parameter is identified by its name and location; the same pair twice in one list is
    /// ambiguous.
    ///
    /// ### Example
    /// Bad: `"parameters": [{"name": "taskId", "in": "path", …}, {"name": "taskId", "in": "path", …}]`
    /// Good: `"parameters": [{"name": "taskId", "in": "path", …}]`
    pub(crate) static OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER: Rule {
        code: "OperationParametersContainDuplicateParameter",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let mut seen = std::collections::HashSet::new();
        for p in op.params.iter().filter(|p| !p.from_path_item) {
            if let (Some(n), Some(l)) = (p.name, p.location)
                && !seen.insert((n, l))
            {
                sink.emit(
                    p.pointer.clone(),
                    format!("{} has two parameters named '{n}' in {l}", op.label()),
                );
            }
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
    fn same_name_and_location() {
        // `taskId` in path is already the operation's first parameter.
        let d = with_params(&[
            json!({"name": "note", "in": "query", "type": "string"}),
            json!({"name": "taskId", "in": "path", "required": true, "type": "string"}),
        ]);
        // The same name in another location is another parameter.
        let d_2 = with_params(&[json!({"name": "taskId", "in": "query", "type": "string"})]);
        Tester::new(
            &OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/2")])],
        )
        .test();
    }
}
