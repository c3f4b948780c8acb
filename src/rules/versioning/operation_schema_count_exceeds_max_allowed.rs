use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation's inputs and outputs expand to more than 16,384 schema nodes
    ///
    /// ### Why
    /// The platform expands every `$ref` of an operation's body, responses and notification
    /// content; Microsoft's FAQ limits the result to 16,384 schemas per operation. Trim deeply
    /// shared definitions or split the operation. (Recursive references are counted once per
    /// branch.)
    pub static OPERATION_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED: Rule {
        code: "OperationSchemaCountExceedsMaxAllowed",
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
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    // Each root's expansion is computed once per connector (shared with the size, depth and
    // total rules); an operation's count is the sum over the roots it uses.
    let counts = super::super::schema::expansions(cx, sw);
    for op in ops(cx) {
        let n: usize = super::super::schema::operation_schema_roots(sw, op)
            .iter()
            .map(|at| counts.count_of(at).unwrap_or(0))
            .sum();
        if n > MAX_OPERATION_SCHEMAS {
            sink.emit(
                op.pointer.clone(),
                format!(
                    "{} expands to more than {MAX_OPERATION_SCHEMAS} schemas",
                    op.label()
                ),
            );
        }
    }
}
