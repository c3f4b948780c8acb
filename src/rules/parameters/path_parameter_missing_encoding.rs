use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `in: path` parameter without `x-ms-url-encoding`
    ///
    /// ### Why
    /// Say how the value is encoded into the URL: `"x-ms-url-encoding": "single"` normally,
    /// `"double"` when values may contain `/` and the service decodes twice. Microsoft's validator
    /// warns when it is missing.
    ///
    /// ### Example
    /// Bad: `{"name": "taskId", "in": "path", "required": true, "type": "string"}`
    /// Good: `{"name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-url-encoding":
    /// "single"}`
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn no_url_encoding() {
        let mut d = minimal();
        d.pointer_mut(&format!("{OP}/parameters/0"))
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("x-ms-url-encoding");
        assert_eq!(
            pointers(&run(&PATH_PARAMETER_MISSING_ENCODING, d)),
            vec![format!("{OP}/parameters/0")]
        );
        assert!(run(&PATH_PARAMETER_MISSING_ENCODING, minimal()).is_empty());
    }
}
