use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A template placeholder (`Publisher name`, `support@example.com`, …) would reach Microsoft
    ///
    /// ### Why
    /// `connkit init` writes placeholders for the author to replace: `publisher` "Publisher name",
    /// `stackOwner` "Service owner name", in the definition a contact named "Publisher name" at
    /// `support@example.com`, a host and URLs under `example.com` (`api.<name>.example.com`), a
    /// readme line `## Publisher: Publisher name`, and (certified) a marked sample `icon.png`.
    /// They are well-formed, so no other rule notices them, yet a package carrying them names
    /// nobody and calls no real service: reviewers send it back, and a merged connector would
    /// show them to every user. Every placeholder `init` writes is reported until replaced:
    /// `publisher`, `stackOwner` and `info.contact` (name, email) when the value is one of the
    /// placeholders templates write (compared without case); the readme's `## Publisher:` line
    /// with such a value; the icon when it still carries init's placeholder marker (a PNG text
    /// chunk); and a host or URL under a domain reserved for examples (`example.com`, `.net`,
    /// `.org`, or the `.example`, `.invalid`, `.test` top-level domains) in `host`, `url`,
    /// `authorizationUrl`, `tokenUrl`, `refreshUrl`, the connector metadata's values and the
    /// OAuth settings' parameter values. A `host` replaced at run time by a `dynamichosturl`
    /// policy template is left alone, as are fictional sample e-mail addresses such as
    /// `jane.doe@example.com`, and such URLs in descriptions or examples: only the template
    /// values are certain to be unintended.
    ///
    /// ### Example
    /// Bad: `"publisher": "Publisher name"`, `"host": "api.contoso.example.com"`, or a readme
    /// with `## Publisher: Publisher name`
    /// Good: `"publisher": "Contoso"`, `"host": "api.contoso.com"`, `## Publisher: Contoso`
    ///
    /// ### Evidence
    /// Reserved example domains in those fields: in the public snapshot (538 connectors) and in
    /// the 1,055 merged versions of corpus/history, only one connector (Alkymi, `www.example.com`,
    /// three versions) has one, in `host`, which its `dynamichosturl` policy template replaces
    /// at run time; it is not reported. No merged connector's readme names the publisher
    /// "Publisher name", and none ships init's marked icon (the marker did not exist).
    pub(crate) static PLACEHOLDER_VALUE: Rule {
        code: "PlaceholderValue",
        severity: Severity::Error,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Properties,
        source: CS,
        check,
    }
}

/// Whether a host lies under a domain reserved for examples (RFC 2606 and RFC 6761).
fn reserved_host(host: &str) -> bool {
    let h = host.trim().trim_end_matches('.').to_ascii_lowercase();
    ["example.com", "example.net", "example.org"]
        .iter()
        .any(|d| h == *d || h.ends_with(&format!(".{d}")))
        || [".example", ".invalid", ".test"]
            .iter()
            .any(|t| h.ends_with(t))
        || h == "example"
}

/// The host of a value that is a whole URL or a bare host name; `None` for other text.
fn host_of(v: &str) -> Option<&str> {
    let v = v.trim();
    let rest = match v.split_once("://") {
        Some((scheme, rest))
            if !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            rest
        }
        Some(_) => return None,
        None => v,
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let bare = !v.contains("://");
    let ok = !host.is_empty()
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    // A bare value must be a host and nothing else (not a sentence).
    (ok && (!bare || authority.len() == v.len())).then_some(host)
}

/// The keys whose string values are hosts or URLs init writes.
const URL_KEYS: &[&str] = &[
    "host",
    "url",
    "authorizationUrl",
    "tokenUrl",
    "refreshUrl",
    "propertyValue",
    "value",
    "loginUri",
    "resourceUri",
];

/// Every string at one of [`URL_KEYS`] whose host is reserved for examples: (pointer, value).
/// An explicit stack: the documents are untrusted, their depth is not ours to recurse on.
fn reserved_urls(root: &Value) -> Vec<(String, String)> {
    // Depth first in document order, as before, but a node's pointer is built only when its
    // value is reported: each container visited records its step from its parent in `steps`
    // (on a large definition, an owned pointer per node was most of this rule's time).
    enum Step<'a> {
        Key(&'a str),
        Index(usize),
    }
    const ROOT: usize = usize::MAX;
    let pointer_of = |steps: &[(usize, Step<'_>)], mut at: usize, last: &Step<'_>| {
        let mut segs = vec![last];
        while at != ROOT {
            segs.push(&steps[at].1);
            at = steps[at].0;
        }
        let mut ptr = String::new();
        for seg in segs.into_iter().rev() {
            match seg {
                Step::Key(k) => ptr = join(&ptr, k),
                Step::Index(i) => ptr = join_index(&ptr, *i),
            }
        }
        ptr
    };
    let mut out = Vec::new();
    let mut steps: Vec<(usize, Step<'_>)> = Vec::new();
    // (value, its parent's step, its own step, the key it is under)
    let mut stack: Vec<(&Value, usize, Option<Step<'_>>, Option<&str>)> =
        vec![(root, ROOT, None, None)];
    while let Some((v, parent, step, key)) = stack.pop() {
        match v {
            Value::Object(m) => {
                let here = match step {
                    Some(s) => {
                        steps.push((parent, s));
                        steps.len() - 1
                    }
                    None => ROOT,
                };
                for (k, x) in m.iter().rev() {
                    stack.push((x, here, Some(Step::Key(k)), Some(k.as_str())));
                }
            }
            Value::Array(a) => {
                let here = match step {
                    Some(s) => {
                        steps.push((parent, s));
                        steps.len() - 1
                    }
                    None => ROOT,
                };
                for (i, x) in a.iter().enumerate().rev() {
                    stack.push((x, here, Some(Step::Index(i)), key));
                }
            }
            Value::String(s)
                if key.is_some_and(|k| URL_KEYS.contains(&k))
                    && host_of(s).is_some_and(reserved_host) =>
            {
                let ptr = match &step {
                    Some(last) => pointer_of(&steps, parent, last),
                    None => String::new(),
                };
                out.push((ptr, s.clone()));
            }
            _ => {}
        }
    }
    out
}

/// Whether a `dynamichosturl` policy template replaces the definition's host at run time.
fn host_is_dynamic(cx: &Context<'_>) -> bool {
    props_root(cx)
        .and_then(|r| r.pointer("/properties/policyTemplateInstances"))
        .and_then(Value::as_array)
        .is_some_and(|a| {
            a.iter().any(|t| {
                t.get("templateId")
                    .and_then(Value::as_str)
                    .is_some_and(|id| id.eq_ignore_ascii_case("dynamichosturl"))
            })
        })
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    placeholder_files(cx, sink);
    let placeholder = |v: &str| {
        let t = v.trim().to_ascii_lowercase();
        PLACEHOLDERS.contains(&t.as_str())
    };
    if let Some(p) = props_root(cx).and_then(|r| r.get("properties")) {
        for key in ["publisher", "stackOwner"] {
            if let Some(v) = p.get(key).and_then(Value::as_str)
                && placeholder(v)
            {
                sink.emit(
                    join("/properties", key),
                    format!("'{key}' is still the placeholder \"{v}\": write the real name"),
                );
            }
        }
    }
    if let Some(r) = props_root(cx) {
        for (ptr, v) in reserved_urls(r) {
            sink.emit(
                ptr,
                format!("\"{v}\" is a placeholder under a domain reserved for examples: write the real URL"),
            );
        }
    }
    let Some(def) = cx.connector.definition_value() else {
        return;
    };
    let dynamic_host = host_is_dynamic(cx);
    // Every host `reserved_host` accepts contains '.' and ends with (or is) one of these, so
    // a definition whose text has none of them (in any case, and no escape) has no such URL:
    // most definitions are not walked at all.
    let maybe = cx.connector.definition.as_ref().is_none_or(|d| {
        d.may_contain_any_ascii_case(&["example.", ".example", ".invalid", ".test"])
    });
    for (ptr, v) in if maybe {
        reserved_urls(def)
    } else {
        Vec::new()
    } {
        if ptr == "/host" && dynamic_host {
            continue;
        }
        let what = if ptr == "/host" { "host" } else { "URL" };
        sink.emit_in(
            FileKind::Definition,
            ptr,
            format!(
                "\"{v}\" is a placeholder under a domain reserved for examples: write the real {what}"
            ),
        );
    }
    if let Some(contact) = def.pointer("/info/contact").and_then(Value::as_object) {
        for (k, v) in contact {
            let Some(v) = v.as_str() else { continue };
            let bad = match k.as_str() {
                "name" => placeholder(v),
                "email" => PLACEHOLDER_EMAILS.contains(&v.trim().to_ascii_lowercase().as_str()),
                _ => false,
            };
            if bad {
                sink.emit_in(
                    FileKind::Definition,
                    join("/info/contact", k),
                    format!(
                        "info.contact.{k} is still a placeholder (\"{v}\"): write the real contact"
                    ),
                );
            }
        }
    }
}

/// The readme's `## Publisher:` line and init's marked icon.
fn placeholder_files(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(readme) = &cx.connector.readme {
        let mut offset = 0;
        for line in readme.text.split_inclusive('\n') {
            let t = line.trim_start();
            if let Some(rest) = t
                .strip_prefix('#')
                .map(|r| r.trim_start_matches('#').trim_start())
                .and_then(|r| {
                    r.get(..10)
                        .filter(|h| h.eq_ignore_ascii_case("publisher:"))
                        .map(|_| &r[10..])
                })
            {
                let value = rest.trim();
                if PLACEHOLDERS.contains(&value.to_ascii_lowercase().as_str()) {
                    let at = offset
                        + (line.len() - t.len())
                        + (t.len() - rest.len())
                        + (rest.len() - rest.trim_start().len());
                    sink.emit_at_offset(
                        FileKind::Readme,
                        at,
                        format!("the readme's publisher is still the placeholder \"{value}\": write the real name"),
                    );
                }
            }
            offset += line.len();
        }
    }
    if let Some(icon) = &cx.connector.icon {
        let marker = crate::core::PLACEHOLDER_ICON_TEXT.as_bytes();
        if icon.bytes.windows(marker.len()).any(|w| w == marker) {
            sink.emit_in(
                FileKind::Icon,
                "",
                "icon.png is still the placeholder `connkit init` wrote: replace it with your own 230×230 icon",
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
    fn placeholder_values_fail_and_real_values_pass() {
        let contact = |c: Value| {
            let d = patch(def(), json!({"info": {"contact": c}}));
            (connector_from(d, Some(good_props())), Profile::Certified)
        };
        Tester::new(
            &PLACEHOLDER_VALUE,
            vec![
                (with_props(good_props()), Profile::Certified),
                // A fictional sample address is not a template placeholder.
                contact(json!({"name": "Jane Doe", "email": "jane.doe@example.com"})),
            ],
            vec![
                fail((
                    with_props(with(
                        json!({"publisher": "Publisher name", "stackOwner": " service owner name "}),
                    )),
                    Profile::IndependentPublisher,
                ))
                .at(["/properties/publisher", "/properties/stackOwner"]),
                fail(contact(
                    json!({"name": "Publisher name", "email": "Support@Example.com", "url": "https://www.contoso.com"}),
                ))
                .at(["/info/contact/name", "/info/contact/email"]),
            ],
        )
        .test();
        // Custom connectors are never sent to Microsoft.
        assert!(!PLACEHOLDER_VALUE.profiles.contains(Profile::Custom));
    }

    #[test]
    fn placeholder_hosts_and_urls_fail_unless_a_policy_replaces_the_host() {
        let d = patch(
            def(),
            json!({"host": "api.contoso.example.com", "info": {"contact": {"url": "https://www.contoso.example.com"}},
                   "x-ms-connector-metadata": [{"propertyName": "Website", "propertyValue": "https://www.contoso.example.com"}]}),
        );
        let f = run_on(
            &PLACEHOLDER_VALUE,
            &connector_from(d.clone(), Some(good_props())),
            Profile::Certified,
        );
        let ptrs: Vec<_> = f.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(
            ptrs,
            [
                "/info/contact/url",
                "/host",
                "/x-ms-connector-metadata/0/propertyValue"
            ]
        );
        // A dynamichosturl policy replaces the host at run time (Alkymi): not a placeholder.
        let mut props = good_props();
        props["properties"]["policyTemplateInstances"] =
            json!([{"templateId": "dynamichosturl", "title": "Host", "parameters": {}}]);
        let f = run_on(
            &PLACEHOLDER_VALUE,
            &connector_from(d, Some(props)),
            Profile::Certified,
        );
        assert!(f.iter().all(|f| f.pointer != "/host"), "{f:?}");
        // Near misses: a real host, and an example URL in a description.
        let d = patch(
            def(),
            json!({"host": "api.contoso.com", "info": {"description": "Try https://example.com/x"}}),
        );
        let f = run_on(
            &PLACEHOLDER_VALUE,
            &connector_from(d, Some(good_props())),
            Profile::Certified,
        );
        assert!(f.is_empty(), "{f:?}");
        assert!(reserved_host("api.x.example.com") && reserved_host("a.invalid"));
        assert!(!reserved_host("example.com.evil.net") && !reserved_host("myexample.com"));
        assert_eq!(
            host_of("https://u@api.x.example.com:443/v1"),
            Some("api.x.example.com")
        );
        assert_eq!(host_of("see example.com"), None);
    }

    #[test]
    fn the_readme_publisher_placeholder_and_inits_icon_fail() {
        let mut c = connector_from(def(), Some(good_props()));
        let readme = "# T\nText.\n\n## Publisher: Publisher name\n\n## Prerequisites\n";
        c.readme = Some(crate::model::TextFile::from_text(
            "readme.md".into(),
            "readme.md".into(),
            readme.to_string(),
            readme.len() as u64,
            Vec::new(),
        ));
        c.icon = Some(crate::model::BinaryFile {
            rel_path: "icon.png".into(),
            path: "icon.png".into(),
            bytes: crate::convert::init::placeholder_icon(),
            issues: Vec::new(),
        });
        let f = run_on(&PLACEHOLDER_VALUE, &c, Profile::Certified);
        let files: Vec<_> = f.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(files, ["icon.png", "readme.md"], "{f:?}");
        let r = f.iter().find(|f| f.file == "readme.md").unwrap();
        assert_eq!((r.line, r.column), (4, 15), "at the value");
        // Near misses: a real publisher, the sample's own (unmarked) icon.
        let readme = "# T\n## Publisher: Contoso\n";
        c.readme = Some(crate::model::TextFile::from_text(
            "readme.md".into(),
            "readme.md".into(),
            readme.to_string(),
            readme.len() as u64,
            Vec::new(),
        ));
        c.icon.as_mut().unwrap().bytes =
            include_bytes!("../../../connectors/certified-connectors/ContosoTasks/icon.png")
                .to_vec();
        assert!(run_on(&PLACEHOLDER_VALUE, &c, Profile::Certified).is_empty());
    }
}
