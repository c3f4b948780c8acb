use super::*;

def_rule!(
    DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_PROPERTIES_VALUE_PATH,
    "DynamicPropertiesExtensionRequiredForPropertiesValuePath",
    Error,
    ALL,
    "`x-ms-dynamic-schema.value-path` ends in `properties` and there is no `x-ms-dynamic-properties`",
    "When the invoked operation returns a `properties` map rather than a whole schema, the \
newer designer needs `x-ms-dynamic-properties` whose `itemValuePath` points at the object that \
holds that map.\n\nGood: `\"x-ms-dynamic-schema\": {…, \"value-path\": \"schema/properties\"}` \
with `\"x-ms-dynamic-properties\": {…, \"itemValuePath\": \"schema\"}`.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |_, s| {
            let vp = s
                .ext
                .get("value-path")
                .and_then(Value::as_str)
                .unwrap_or("");
            if s.kind == Kind::Schema
                && segs(vp).last() == Some(&"properties")
                && !s.has(Kind::Properties)
            {
                once.emit(
                    join(&s.at, "value-path"),
                    format!("value-path '{vp}' is a properties map; add x-ms-dynamic-properties"),
                );
            }
        });
    }
);
