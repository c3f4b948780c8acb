use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A dynamic call passes a name that is both a parameter and a body property of the invoked operation
    ///
    /// ### Why
    /// When the invoked operation has a parameter `id` and a body property `id`, the key `id` in
    /// `parameters` could mean either. Use `x-ms-dynamic-list`/`-properties`, whose keys may be
    /// paths (`body/id`), to say which.
    pub static OPERATION_PARAMETER_NAME_IS_AMBIGUOUS: Rule {
        code: "OperationParameterNameIsAmbiguous",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
