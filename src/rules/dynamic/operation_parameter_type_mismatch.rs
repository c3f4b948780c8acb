use super::*;

def_rule!(
    OPERATION_PARAMETER_TYPE_MISMATCH,
    "OperationParameterTypeMismatch",
    Error,
    ALL,
    "A referenced parameter's type differs from the invoked parameter's type",
    "The value of the calling operation's parameter is passed as-is, so both must have the \
same `type` (an `integer` may feed a `number`).",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        ref_pairs(cx, &mut |sw, k, at, c, t| {
            let (Some(a), Some(b)) = (type_of(c, sw), type_of(t, sw)) else {
                return;
            };
            if a != b && !(a == "integer" && b == "number") {
                once.emit(at, format!("'{k}' gets a {a} value but expects {b}"));
            }
        });
    }
);
