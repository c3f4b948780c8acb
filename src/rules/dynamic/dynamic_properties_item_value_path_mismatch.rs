use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-dynamic-properties.itemValuePath` disagrees with `x-ms-dynamic-schema.value-path`
    ///
    /// ### Why
    /// Both extensions describe the same schema for old and new designers: `itemValuePath` must be
    /// the dynamic-schema `value-path` without its trailing `/properties`.
    ///
    /// ### Example
    /// Bad: `value-path: "schema/properties"`, `itemValuePath: "items"`
    /// Good: `itemValuePath: "schema"`.
    pub(crate) static DYNAMIC_PROPERTIES_ITEM_VALUE_PATH_MISMATCH: Rule {
        code: "DynamicPropertiesItemValuePathMismatch",
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
        if s.kind != Kind::Properties {
            return;
        }
        let (Some(vp), Some(ivp)) = (
            s.holder
                .get(Kind::Schema.key())
                .and_then(|d| d.get("value-path"))
                .and_then(Value::as_str),
            s.ext.get("itemValuePath").and_then(Value::as_str),
        ) else {
            return;
        };
        let mut expected = segs(vp);
        if expected.last() == Some(&"properties") {
            expected.pop();
        }
        if segs(ivp) != expected {
            once.emit(
                join(&s.at, "itemValuePath"),
                format!("itemValuePath '{ivp}' should be '{}'", expected.join("/")),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn item_value_path() {
        let mut d = dyn_schema_def();
        d["paths"]["/rows"]["post"]["parameters"][0]["schema"]["x-ms-dynamic-properties"]["itemValuePath"] =
            json!("schema");
        Tester::new(
            &DYNAMIC_PROPERTIES_ITEM_VALUE_PATH_MISMATCH,
            vec![d],
            vec![fail(dyn_schema_def()).at([
                "/paths/~1rows/post/parameters/0/schema/x-ms-dynamic-properties/itemValuePath",
            ])],
        )
        .test();
    }
}
