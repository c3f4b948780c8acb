use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A path item uses `$ref`
    ///
    /// ### Why
    /// Swagger allows `$ref` on a path item; the platform does not. Write the operations out under
    /// the path. (The code is spelled as Microsoft's validator spells it.)
    pub static PATH_ITEM_REF_NOT_SUPPORED: Rule {
        code: "PathItemRefNotSuppored",
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
    for s in sites(cx).iter().filter(|s| s.kind == RefKind::PathItem) {
        sink.emit(join(&s.at, "$ref"), "path items cannot use $ref");
    }
}
