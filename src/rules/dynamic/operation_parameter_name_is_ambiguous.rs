use super::*;

def_rule!(
    OPERATION_PARAMETER_NAME_IS_AMBIGUOUS,
    "OperationParameterNameIsAmbiguous",
    Error,
    ALL,
    "A dynamic call passes a name that is both a parameter and a body property of the invoked operation",
    "When the invoked operation has a parameter `id` and a body property `id`, the key `id` in \
`parameters` could mean either. Use `x-ms-dynamic-list`/`-properties`, whose keys may be paths \
(`body/id`), to say which.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |sw, s| {
            let Some(target) = invoked(sw, s) else { return };
            for (k, _, at) in s.params() {
                if ambiguous(sw, target, k) {
                    once.emit(
                        at,
                        format!(
                            "'{k}' is both a parameter and a body property of {}",
                            target.label()
                        ),
                    );
                }
            }
        });
    }
);
