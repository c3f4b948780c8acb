use super::*;

def_rule!(
    COLLECTION_FORMAT_VALUE_NOT_SUPPORTED,
    "CollectionFormatValueNotSupported",
    Error,
    ALL,
    "`collectionFormat` is not csv/ssv/tsv/pipes, or `multi` outside query/formData",
    "Array parameters are serialized with `csv` (default), `ssv`, `tsv`, `pipes`, or `multi` \
(repeat the key; query and formData only). Any other value, or `multi` in a header or path, \
cannot be sent.\n\nBad: `{\"in\": \"header\", \"collectionFormat\": \"multi\"}`  Good: \
`\"collectionFormat\": \"csv\"`.",
    |cx, sink| {
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
);
