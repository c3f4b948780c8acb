use super::*;
use crate::model::swagger::mime_essence;
use crate::rules::prelude::*;

fn sends_payload(op: &crate::model::swagger::Operation<'_>) -> bool {
    op.params
        .iter()
        .any(|p| matches!(p.location, Some("body" | "formData")))
}

crate::declare_code! {
    /// An operation sends a body but no supported MIME type is in its `consumes`
    ///
    /// ### Why
    /// An operation with a body or form parameters must say how the payload is encoded: list a
    /// supported MIME type (`application/json`, `text/plain`, `multipart/form-data`,
    /// `application/x-www-form-urlencoded`) in the operation's `consumes` or the root `consumes`.
    /// Microsoft's validator reports this as a warning.
    ///
    /// ### Example
    /// Bad: `"post": {"consumes": ["application/xml"], "parameters": [{"in": "body", …}]}`
    /// Good: `"post": {"consumes": ["application/json"], "parameters": [{"in": "body", …}]}`
    pub(crate) static CONSUMES_MISSING: Rule {
        code: "ConsumesMissing",
        severity: Severity::Warning,
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
    for op in ops(cx).iter().filter(|o| sends_payload(o)) {
        let c = sw.media_types(op, "consumes");
        if !c
            .iter()
            .any(|m| SUPPORTED_MIME.contains(&mime_essence(m).as_str()))
        {
            sink.emit(
                op.pointer.clone(),
                format!(
                    "{} sends a payload but 'consumes' has no supported MIME type",
                    op.label()
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
    fn unsupported_consumes() {
        let d = post(object_body(), json!({"consumes": ["application/xml"]}));
        let d_2 = post(
            object_body(),
            json!({"consumes": ["application/json; charset=utf-8"]}),
        );
        Tester::new(
            &CONSUMES_MISSING,
            vec![d_2],
            vec![fail(d).at(["/paths/~1p/post"])],
        )
        .test();
    }
}
