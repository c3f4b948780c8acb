use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `{variable}` in the path has no `in: path` parameter
    ///
    /// ### Why
    /// Every template variable needs a parameter with the same name and `in: path`, declared on the
    /// operation or on the path item.
    ///
    /// ### Example
    /// Bad: `"/tasks/{taskId}": {"get": {"parameters": [{"name": "id", "in": "path", …}]}}`
    /// Good: `"/tasks/{taskId}": {"get": {"parameters": [{"name": "taskId", "in": "path", …}]}}`
    pub(crate) static OPERATION_MISSING_PATH_PARAMETER: Rule {
        code: "OperationMissingPathParameter",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let Ok(vars) = template_variables(op.path) else {
            continue;
        };
        for v in vars {
            if !op
                .params
                .iter()
                .any(|p| p.location == Some("path") && p.name == Some(v))
            {
                sink.emit(
                    op.pointer.clone(),
                    format!(
                        "path variable '{{{v}}}' of {} has no matching path parameter",
                        op.label()
                    ),
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
    fn variable_without_parameter() {
        let mut d = minimal();
        let p = d.pointer_mut(&format!("{OP}/parameters/0")).unwrap();
        p["name"] = json!("id");
        p["required"] = json!(false);
        Tester::new(
            &OPERATION_MISSING_PATH_PARAMETER,
            vec![minimal()],
            vec![fail(d).at([OP]).then(|f| {
                assert!(f[0].message.starts_with("path variable '{taskId}'"));
            })],
        )
        .test();
    }
}
