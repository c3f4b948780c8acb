use super::*;

pub static OPERATION_MISSING_PATH_PARAMETER: Rule = Rule {
    code: "OperationMissingPathParameter",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `{variable}` in the path has no `in: path` parameter",
    explanation: "Every template variable needs a parameter with the same name and `in: path`, \
declared on the operation or on the path item.",
    source: SV,
    check: |cx, sink| {
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
    },
};
