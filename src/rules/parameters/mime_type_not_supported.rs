use super::*;
use crate::model::swagger::mime_essence;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `consumes`/`produces` entry outside the four supported MIME types
    ///
    /// ### Why
    /// The platform understands `application/json`, `text/plain`, `multipart/form-data` and
    /// `application/x-www-form-urlencoded`; other types (`application/xml`, `application/text`, …)
    /// are passed through as opaque content. Microsoft's validator warns about them; use a
    /// supported type when the service accepts one.
    ///
    /// ### Example
    /// Bad: `"consumes": ["application/xml"]`
    /// Good: `"consumes": ["application/json"]`
    pub(crate) static MIME_TYPE_NOT_SUPPORTED: Rule {
        code: "MimeTypeNotSupported",
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
    let mut lists = vec![
        ("/consumes".to_string(), sw.root.get("consumes")),
        ("/produces".to_string(), sw.root.get("produces")),
    ];
    for op in ops(cx) {
        for k in ["consumes", "produces"] {
            lists.push((join(&op.pointer, k), op.get(k)));
        }
    }
    for (at, list) in lists {
        for (i, m) in list
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let Some(m) = m.as_str() else { continue };
            if !SUPPORTED_MIME.contains(&mime_essence(m).as_str()) {
                sink.emit(
                    format!("{at}/{i}"),
                    format!("MIME type '{m}' is not supported"),
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
    fn xml() {
        let d = post(object_body(), json!({"consumes": ["application/xml"]}));
        let d_2 = post(
            object_body(),
            json!({"consumes": ["application/json; charset=utf-8"]}),
        );
        Tester::new(
            &MIME_TYPE_NOT_SUPPORTED,
            vec![d_2],
            vec![fail(d).at(["/paths/~1p/post/consumes/0"])],
        )
        .test();
    }
}
