use super::*;

def_rule!(
    PATH_PARAMETER_MISSING_ENCODING,
    "PathParameterMissingEncoding",
    Warning,
    ALL,
    "An `in: path` parameter without `x-ms-url-encoding`",
    "Say how the value is encoded into the URL: `\"x-ms-url-encoding\": \"single\"` normally, \
`\"double\"` when values may contain `/` and the service decodes twice. Microsoft's validator \
warns when it is missing.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") == Some("path") && v.get("x-ms-url-encoding").is_none() {
                sink.emit(
                    ptr,
                    format!(
                        "path parameter '{}' has no x-ms-url-encoding (add \"single\")",
                        s(v, "name").unwrap_or("?")
                    ),
                );
            }
        }
    }
);
