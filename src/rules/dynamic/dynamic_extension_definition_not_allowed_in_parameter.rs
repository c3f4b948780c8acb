use super::*;

def_rule!(
    DYNAMIC_EXTENSION_DEFINITION_NOT_ALLOWED_IN_PARAMETER,
    "DynamicExtensionDefinitionNotAllowedInParameter",
    Error,
    ALL,
    "`x-ms-dynamic-schema`/`-properties`/`-tree` written on a body parameter object",
    "A body parameter's shape lives in its `schema`; dynamic schema extensions belong there \
too.\n\nBad: `{\"in\": \"body\", \"name\": \"body\", \"x-ms-dynamic-schema\": {…}, \"schema\": \
{…}}`  Good: `{\"in\": \"body\", \"name\": \"body\", \"schema\": {\"x-ms-dynamic-schema\": \
{…}}}`.",
    EXT,
    |cx, sink| {
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
);
