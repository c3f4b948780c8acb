use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A path variable carries a default (`{id=1}`)
    ///
    /// ### Why
    /// Defaults belong on the parameter (`default`), not in the template.
    ///
    /// ### Example
    /// Bad: `"/tasks/{page=1}"`
    /// Good: `"/tasks/{page}"` with `{"name": "page", "in": "path", "required": true, "type": "integer",
    /// "default": 1}`
    pub(crate) static OPERATION_PATH_VARIABLES_CONTAIN_DEFAULTS: Rule {
        code: "OperationPathVariablesContainDefaults",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (p, _) in paths(cx) {
        if let Ok(vars) = template_variables(p)
            && let Some(v) = vars.iter().find(|v| v.contains('='))
        {
            sink.emit(
                join("/paths", p),
                format!("path variable '{{{v}}}' contains a default"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn default_in_template() {
        let d = patch(minimal(), json!({"paths": {"/d/{id=1}": {}}}));
        Tester::new(
            &OPERATION_PATH_VARIABLES_CONTAIN_DEFAULTS,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1d~1{id=1}"])],
        )
        .test();
    }
}
