use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two parameters of an operation share both `name` and `in`
    ///
    /// ### Why
    /// A parameter is identified by its name and location; the same pair twice in one list is
    /// ambiguous.
    pub static OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER: Rule {
        code: "OperationParametersContainDuplicateParameter",
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
