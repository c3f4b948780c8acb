use super::*;
use crate::rules::prelude::*;

/// `type/subtype` with RFC 7230 token characters, optional `; parameters`.
fn valid_mime(s: &str) -> bool {
    let essence = crate::model::swagger::mime_essence(s);
    let tok = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
    };
    match essence.split_once('/') {
        Some((a, b)) => tok(a) && tok(b),
        None => false,
    }
}

crate::declare_code! {
    /// A `consumes`/`produces` entry is not a MIME type
    ///
    /// ### Why
    /// Entries are media types of the form `type/subtype` (optionally with parameters):
    /// `application/json`, `text/plain`, `multipart/form-data`,
    /// `application/x-www-form-urlencoded`. A value such as `json` or `application json` is
    /// malformed. (A well-formed type the platform does not handle is MimeTypeNotSupported, a
    /// warning.)
    ///
    /// ### Example
    /// Bad: `"consumes": ["json"]`
    /// Good: `"consumes": ["application/json"]`
    pub(crate) static MIME_TYPE_NOT_VALID: Rule {
        code: "MimeTypeNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(root) = root(cx) else { return };
    let mut lists: Vec<(String, &Value)> = Vec::new();
    for k in ["consumes", "produces"] {
        if let Some(v) = root.get(k) {
            lists.push((format!("/{k}"), v));
        }
    }
    if let Some(sw) = cx.swagger.as_ref() {
        for op in &sw.operations {
            for k in ["consumes", "produces"] {
                if let Some(v) = op.get(k) {
                    lists.push((join(&op.pointer, k), v));
                }
            }
        }
    }
    for (at, list) in lists {
        for (i, v) in list.as_array().into_iter().flatten().enumerate() {
            if let Some(s) = v.as_str()
                && !valid_mime(s)
            {
                sink.emit(
                    join_index(&at, i),
                    format!("'{s}' is not a MIME type (type/subtype)"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn mime_types() {
        let def = patch(
            minimal(),
            json!({"consumes": ["application/json", "json", "text/plain; charset=utf-8"]}),
        );
        assert!(valid_mime("application/vnd.api+json"));
        assert!(!valid_mime("application json/x"));
        Tester::new(
            &MIME_TYPE_NOT_VALID,
            vec![patch(
                minimal(),
                json!({"consumes": ["application/json", "application/vnd.api+json", "text/plain; charset=utf-8"]}),
            )],
            vec![
                fail(def).at(["/consumes/1"]),
            ],
        )
        .test();
    }
}
