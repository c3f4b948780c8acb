use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `collectionFormat` is not csv/ssv/tsv/pipes, or `multi` outside query/formData
    ///
    /// ### Why
    /// Array parameters are serialized with `csv` (default), `ssv`, `tsv`, `pipes`, or `multi`
    /// (repeat the key; query and formData only). Any other value, or `multi` in a header or path,
    /// cannot be sent.
    ///
    /// ### Example
    /// Bad: `{"in": "header", "collectionFormat": "multi"}`
    /// Good: `"collectionFormat": "csv"`.
    pub(crate) static COLLECTION_FORMAT_VALUE_NOT_SUPPORTED: Rule {
        code: "CollectionFormatValueNotSupported",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        let Some(cf) = v.get("collectionFormat") else {
            continue;
        };
        let loc = s(v, "in");
        let ok = match cf.as_str() {
            Some("csv" | "ssv" | "tsv" | "pipes") => true,
            Some("multi") => matches!(loc, Some("query" | "formData")),
            _ => false,
        };
        if !ok {
            sink.emit(
                join(&ptr, "collectionFormat"),
                format!(
                    "collectionFormat {cf} is not supported for a parameter in {}",
                    loc.unwrap_or("?")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn multi_in_header() {
        let d = with_param(
            json!({"name": "h", "in": "header", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"}),
        );
        let d_2 = with_param(
            json!({"name": "h", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"}),
        );
        Tester::new(
            &COLLECTION_FORMAT_VALUE_NOT_SUPPORTED,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1/collectionFormat")])],
        )
        .test();
    }
}
