use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-dynamic-schema`/`-properties`/`-tree` written on a body parameter object
    ///
    /// ### Why
    /// A body parameter's shape lives in its `schema`; dynamic schema extensions belong there too.
    ///
    /// ### Example
    /// Bad: `{"in": "body", "name": "body", "x-ms-dynamic-schema": {…}, "schema": {…}}`
    /// Good: `{"in": "body", "name": "body", "schema": {"x-ms-dynamic-schema": {…}}}`.
    pub static DYNAMIC_EXTENSION_DEFINITION_NOT_ALLOWED_IN_PARAMETER: Rule {
        code: "DynamicExtensionDefinitionNotAllowedInParameter",
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
    with_sites(cx, &mut |_, s| {
        if s.on_body_param && matches!(s.kind, Kind::Schema | Kind::Properties | Kind::Tree) {
            once.emit(
                s.at.clone(),
                format!(
                    "{} must be inside the body parameter's schema",
                    s.kind.key()
                ),
            );
        }
    });
}
