use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `in: path` parameter whose name is not a `{variable}` of the path
    ///
    /// ### Why
    /// A path parameter must appear in the template under exactly the same name (case-sensitive).
    ///
    /// ### Example
    /// Bad: `"/tasks/{taskId}"` with a path parameter named `id`
    /// Good: `"/tasks/{taskId}"` with a path parameter named `taskId`
    pub(crate) static PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE: Rule {
        code: "PathParameterNotDefinedInTemplate",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut reported = std::collections::HashSet::new();
    for op in ops(cx) {
        let Ok(vars) = template_variables(op.path) else {
            continue;
        };
        for p in op.params.iter().filter(|p| p.location == Some("path")) {
            let Some(name) = p.name else { continue };
            if !vars.contains(&name) && reported.insert(p.pointer.clone()) {
                sink.emit(
                    join(&p.pointer, "name"),
                    format!("path parameter '{name}' does not appear in '{}'", op.path),
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
    fn parameter_not_in_template() {
        let mut d = minimal();
        let p = d.pointer_mut(&format!("{OP}/parameters/0")).unwrap();
        p["name"] = json!("id");
        p["required"] = json!(false);
        Tester::new(
            &PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE,
            vec![minimal()],
            vec![fail(d).at([format!("{OP}/parameters/0/name")])],
        )
        .test();
    }
}
