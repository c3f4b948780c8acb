use super::*;

pub static OPERATION_PATH_VARIABLES_CONTAIN_DEFAULTS: Rule = Rule {
    code: "OperationPathVariablesContainDefaults",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path variable carries a default (`{id=1}`)",
    explanation: "Defaults belong on the parameter (`default`), not in the template.",
    source: SV,
    check: |cx, sink| {
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
    },
};
