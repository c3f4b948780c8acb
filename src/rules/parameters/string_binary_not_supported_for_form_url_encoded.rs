use super::*;
use crate::model::swagger::mime_essence;
use crate::rules::prelude::*;

fn is_binary(v: &Value) -> bool {
    let t = s(v, "type");
    t == Some("file") || (t == Some("string") && s(v, "format") == Some("binary"))
}

crate::declare_code! {
    /// A file-like parameter in an operation that only consumes `application/x-www-form-urlencoded`
    ///
    /// ### Why
    /// URL-encoded forms carry text only; files (`type: file` or `string`/`binary`) need
    /// `multipart/form-data`. Change `consumes` to `multipart/form-data`, or send the content as a
    /// string.
    ///
    /// ### Example
    /// Bad: `"consumes": ["application/x-www-form-urlencoded"]` with `{"name": "f", "in": "formData",
    /// "type": "file"}`
    /// Good: `"consumes": ["multipart/form-data"]` with the same parameter
    pub(crate) static STRING_BINARY_NOT_SUPPORTED_FOR_FORM_URL_ENCODED: Rule {
        code: "StringBinaryNotSupportedForFormUrlEncoded",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for op in ops(cx) {
        let c: Vec<String> = sw
            .media_types(op, "consumes")
            .iter()
            .map(|m| mime_essence(m))
            .collect();
        if !c.iter().any(|m| m == "application/x-www-form-urlencoded")
            || c.iter().any(|m| m == "multipart/form-data")
        {
            continue;
        }
        for p in op.params.iter().filter(|p| p.location == Some("formData")) {
            if is_binary(p.value) {
                sink.emit(
                    p.pointer.clone(),
                    format!(
                        "{} consumes application/x-www-form-urlencoded but '{}' is binary",
                        op.label(),
                        p.name.unwrap_or("?")
                    ),
                );
            }
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
    fn file_in_url_encoded_form() {
        let d = post(
            json!([{"name": "naïve", "in": "formData", "type": "file"}, {"name": "b", "in": "body", "schema": {}}]),
            json!({"consumes": ["application/x-www-form-urlencoded"]}),
        );
        let d_2 = post(
            json!([{"name": "f", "in": "formData", "type": "file"}]),
            json!({"consumes": ["multipart/form-data"]}),
        );
        Tester::new(
            &STRING_BINARY_NOT_SUPPORTED_FOR_FORM_URL_ENCODED,
            vec![d_2],
            vec![fail(d).at(["/paths/~1p/post/parameters/0"])],
        )
        .test();
    }
}
