use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `{variable}` in the path has no `in: path` parameter
    ///
    /// ### Why
    /// Every template variable needs a parameter with the same name and `in: path`, declared on the
    /// operation or on the path item.
    pub static OPERATION_MISSING_PATH_PARAMETER: Rule {
        code: "OperationMissingPathParameter",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
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
