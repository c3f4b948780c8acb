use super::*;

pub static OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS: Rule = Rule {
    code: "OperationParametersContainMultipleBodyParameters",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "More than one `in: body` parameter",
    explanation: "A request has one body. Model several body fields as properties of one body \
schema.",
    source: SV,
    check: |cx, sink| {
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
    },
};
