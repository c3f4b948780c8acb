use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `in: path` parameter without `x-ms-url-encoding`
    ///
    /// ### Why
    /// Say how the value is encoded into the URL: `"x-ms-url-encoding": "single"` normally,
    /// `"double"` when values may contain `/` and the service decodes twice. Microsoft's validator
    /// warns when it is missing.
    pub static PATH_PARAMETER_MISSING_ENCODING: Rule {
        code: "PathParameterMissingEncoding",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
