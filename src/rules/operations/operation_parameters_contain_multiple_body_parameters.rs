use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than one `in: body` parameter
    ///
    /// ### Why
    /// A request has one body. Model several body fields as properties of one body schema.
    pub static OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS: Rule {
        code: "OperationParametersContainMultipleBodyParameters",
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
        let bodies: Vec<_> = op
            .params
            .iter()
            .filter(|p| p.location == Some("body"))
            .collect();
        for extra in bodies.iter().skip(1) {
            sink.emit(
                extra.pointer.clone(),
                format!("{} has more than one body parameter", op.label()),
            );
        }
    }
}
