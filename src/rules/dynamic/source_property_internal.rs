use super::*;

def_rule!(
    SOURCE_PROPERTY_INTERNAL,
    "SourcePropertyInternal",
    Error,
    ALL,
    "A dynamic call references an internal parameter or property of the calling operation",
    "Internal values are not available to the designer when it makes the dynamic call. Pass \
the value as a literal instead (for an internal parameter with a default, use the default): \
`{\"value\": \"2024-01-01\"}`.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |sw, s| {
            if s.superseded() || s.op_id().is_none() {
                return;
            }
            for (r, at, t) in caller_refs(cx, sw, s) {
                let int = match t {
                    Target::Param(p) => internal(p.value),
                    Target::Prop { internal, .. } => internal,
                    _ => false,
                };
                if int {
                    once.emit(
                        at,
                        format!(
                            "'{r}' is internal in {}; pass a literal value",
                            s.op.label()
                        ),
                    );
                }
            }
        });
    }
);
