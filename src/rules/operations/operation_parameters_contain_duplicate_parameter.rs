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
    pub static OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER: Rule {
        code: "OperationParametersContainDuplicateParameter",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
        fix: None,
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
        let mut d = minimal();
        let params = d
            .pointer_mut(&format!("{OP}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap();
        params.push(json!({"name": "b1", "in": "body", "schema": {}}));
        params.push(json!({"name": "b2", "in": "body", "schema": {}}));
        params.push(json!({"name": "taskId", "in": "path", "required": true, "type": "string"}));
        assert_eq!(
            pointers(&run(&OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER, d)),
            vec![format!("{OP}/parameters/3")]
        );
        assert!(run(&OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER, minimal()).is_empty());
    }
}
