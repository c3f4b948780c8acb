use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A URL field is not an absolute http(s) URL
    ///
    /// ### Why
    /// `info.contact.url`, `info.license.url`, `externalDocs.url`, `x-ms-docs` URLs and the
    /// `Website` and `Privacy policy` metadata values are links users follow; they must be absolute
    /// `https://` (or `http://`) URLs with a host name.
    ///
    /// ### Example
    /// Bad: `"url": "www.contoso.com"`
    /// Good: `"url": "https://www.contoso.com"`
    ///
    /// ### Evidence
    /// A **warning**. The validator does not check these values: 5 connectors were merged validated
    /// with 'hhttps://…' in metadata URLs (Daffy 2023). Reviewers follow the links, so fix them.
    pub(crate) static URL_NOT_VALID: Rule {
        code: "UrlNotValid",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(r) = root(cx) else { return };
    let check = |v: Option<&Value>, ptr: String, sink: &mut Sink<'_>| {
        match v {
            Some(Value::String(s)) if s.trim().is_empty() => {} // RequiredValueEmpty
            Some(Value::String(s)) if valid_url(s) => {}
            Some(Value::String(s)) => {
                sink.emit(ptr, format!("'{s}' is not an absolute http(s) URL"))
            }
            Some(Value::Null) | None => {}
            Some(_) => sink.emit(ptr, "a URL must be a string"),
        }
    };
    if let Some(i) = r.get("info") {
        check(
            i.get("contact").and_then(|c| c.get("url")),
            "/info/contact/url".into(),
            sink,
        );
        check(
            i.get("license").and_then(|c| c.get("url")),
            "/info/license/url".into(),
            sink,
        );
    }
    check(
        r.get("externalDocs").and_then(|e| e.get("url")),
        "/externalDocs/url".into(),
        sink,
    );
    if let Some(docs) = r.get("x-ms-docs").and_then(Value::as_array) {
        for (i, d) in docs.iter().enumerate() {
            check(d.get("url"), format!("/x-ms-docs/{i}/url"), sink);
        }
    }
    if let Some(entries) = metadata(cx) {
        for name in ["Website", "Privacy policy"] {
            if let Some(e) = metadata_entry(&entries, name) {
                check(e.value, join(&e.pointer, "propertyValue"), sink);
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
    fn urls() {
        let def = patch(
            cert(),
            json!({"info": {"contact": {"email": "mailto:a@b.com", "url": "www.contoso.com"}}}),
        );
        let good = patch(
            cert(),
            json!({"info": {"contact": {"url": "https://www.contoso.com"}}}),
        );
        Tester::new(
            &URL_NOT_VALID,
            vec![(good, Profile::Certified)],
            vec![fail((def, Profile::Certified)).at(["/info/contact/url"])],
        )
        .test();
    }
}
