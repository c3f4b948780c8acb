use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-dynamic-schema.value-path` ends in `properties` and there is no `x-ms-dynamic-properties`
    ///
    /// ### Why
    /// When the invoked operation returns a `properties` map rather than a whole schema, the newer
    /// designer needs `x-ms-dynamic-properties` whose `itemValuePath` points at the object that
    /// holds that map.
    ///
    /// ### Example
    /// Good: `"x-ms-dynamic-schema": {…, "value-path": "schema/properties"}` with
    /// `"x-ms-dynamic-properties": {…, "itemValuePath": "schema"}`.
    pub(crate) static DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_PROPERTIES_VALUE_PATH: Rule {
        code: "DynamicPropertiesExtensionRequiredForPropertiesValuePath",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn properties_value_path() {
        let mut d = dyn_schema_def();
        d["paths"]["/rows"]["post"]["parameters"][0]["schema"]
            .as_object_mut()
            .unwrap()
            .remove("x-ms-dynamic-properties");
        Tester::new(
            &DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_PROPERTIES_VALUE_PATH,
            vec![
                // With x-ms-dynamic-properties beside it: not reported.
                dyn_schema_def(),
            ],
            vec![
                fail(d)
                    .at(["/paths/~1rows/post/parameters/0/schema/x-ms-dynamic-schema/value-path"]),
            ],
        )
        .test();
    }
}
