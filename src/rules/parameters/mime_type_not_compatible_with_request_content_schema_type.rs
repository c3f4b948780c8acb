use super::*;
use crate::model::swagger::mime_essence;
use crate::rules::prelude::*;

/// Whether the (resolved) body schema is structured (object or array).
fn structured<'a>(sw: &crate::model::swagger::Swagger<'a>, schema: &'a Value, at: &str) -> bool {
    let (s, _) = sw.resolve_or_self(schema, at);
    matches!(
        s.get("type").and_then(Value::as_str),
        Some("object" | "array")
    ) || (s.get("type").is_none() && s.get("properties").is_some())
}

crate::declare_code! {
    /// An object or array body whose `consumes` only lists unstructured MIME types
    ///
    /// ### Why
    /// An object or array body is serialized as JSON (or form fields); if the operation only
    /// consumes `text/plain`, `application/octet-stream` or a media type, the platform has no way
    /// to encode it. Add `application/json` to `consumes`, or make the body a `string`.
    ///
    /// ### Example
    /// Bad: `consumes: ["text/plain"]` with an object schema
    /// Good: `consumes: ["application/json"]`.
    pub(crate) static MIME_TYPE_NOT_COMPATIBLE_WITH_REQUEST_CONTENT_SCHEMA_TYPE: Rule {
        code: "MimeTypeNotCompatibleWithRequestContentSchemaType",
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
        let Some((schema, at)) = body_schema(sw, op) else {
            continue;
        };
        let c = sw.media_types(op, "consumes");
        if c.is_empty() || !structured(sw, schema, &at) {
            continue;
        }
        let unstructured = |m: &str| {
            let b = mime_essence(m);
            b == "text/plain"
                || b == "application/octet-stream"
                || b.starts_with("image/")
                || b.starts_with("audio/")
                || b.starts_with("video/")
        };
        if c.iter().all(|m| unstructured(m)) {
            sink.emit(
                op.body_param()
                    .map(|b| b.pointer.clone())
                    .unwrap_or_default(),
                format!(
                    "{} has a structured body but consumes only '{}'",
                    op.label(),
                    c.join(", ")
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
    fn object_body_as_text() {
        let d = post(object_body(), json!({"consumes": ["text/plain"]}));
        let d_2 = post(
            json!([{"name": "b", "in": "body", "schema": {"type": "string"}}]),
            json!({"consumes": ["text/plain"]}),
        );
        Tester::new(
            &MIME_TYPE_NOT_COMPATIBLE_WITH_REQUEST_CONTENT_SCHEMA_TYPE,
            vec![d_2],
            vec![fail(d).at(["/paths/~1p/post/parameters/0"])],
        )
        .test();
    }
}
