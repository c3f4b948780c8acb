use super::*;

def_rule!(
    OPERATION_PARAMETER_REQUIRED_MISMATCH,
    "OperationParameterRequiredMismatch",
    Warning,
    ALL,
    "A required parameter of the invoked operation is fed from an optional parameter",
    "If the calling operation's parameter is optional the user may leave it empty, and the \
dynamic call then fails for lack of a required value. Make the source parameter required, or \
pass a literal.\n\nCalibration: 8 merged certified connectors do this (BoldSign, Kanbanize and \
Tikit last changed in 2024), typically for a dropdown that only makes sense once an optional \
field is filled in. Microsoft does not block on it, so connkit warns.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        ref_pairs(cx, &mut |_, k, at, c, t| {
            let target_required =
                matches!(t, Target::Param(p) if p.is_required() && p.get("default").is_none());
            let source_optional = match c {
                Target::Param(p) => !p.is_required(),
                Target::Prop { required, .. } => !required,
                _ => false,
            };
            if target_required && source_optional {
                once.emit(
                    at,
                    format!(
                        "'{k}' is required by the invoked operation but its source is optional"
                    ),
                );
            }
        });
    }
);
