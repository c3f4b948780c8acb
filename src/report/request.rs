//! Rendering `connkit request`: one JSON document, or the request (and response) as HTTP
//! messages followed by the policies that changed them.
//!
//! JSON: `{"operationId", "method", "url", "headers": {name: value}, "body", "policies":
//! [{"templateId", "title", "applied", "section", "pointer", "changes", "note"?}], "notes",
//! "response"?: {"status", "headers", "body"}}`. Headers of the same name (a setheader with
//! `existsAction: append`) are joined with `, ` as HTTP allows.
//!
//! [`RequestOutcome`] lives here, below the session that fills it
//! ([`crate::app::request::run`]), as the lint report does: app uses report, never the reverse.

use serde_json::{Map, Value, json};

use crate::model::request::{Request, Response};
use crate::policies::Applied;
use crate::safe;

/// The request as the platform sends it, and the response as the flow sees it.
#[derive(Debug, Clone)]
pub(crate) struct RequestOutcome {
    pub(crate) operation_id: String,
    /// After the request-section policies.
    pub(crate) request: Request,
    /// Every instance that targets the operation, in array order (both sections).
    pub(crate) policies: Vec<Applied>,
    /// The response after the response-section policies, when a response file was given.
    pub(crate) response: Option<Response>,
    /// What the reader should know (a credential not given, a header read as empty).
    pub(crate) notes: Vec<String>,
}

fn headers_object(headers: &[(String, String)]) -> Value {
    let mut m = Map::new();
    for (k, v) in headers {
        // The first spelling of a name keeps its place; later copies join it.
        let existing = m.keys().find(|x| x.eq_ignore_ascii_case(k)).cloned();
        match existing {
            Some(key) => {
                if let Some(Value::String(s)) = m.get_mut(&key) {
                    s.push_str(", ");
                    s.push_str(v);
                }
            }
            None => {
                m.insert(k.clone(), Value::String(v.clone()));
            }
        }
    }
    Value::Object(m)
}

/// The JSON document.
pub(crate) fn json(o: &RequestOutcome) -> Value {
    let r = &o.request;
    let mut doc = json!({
        "operationId": o.operation_id,
        "method": r.method,
        "url": r.url(),
        "headers": headers_object(&r.headers),
        "body": r.body.as_ref().map(|b| b.to_json()).unwrap_or(Value::Null),
        "policies": o.policies,
        "notes": o.notes,
    });
    if let Some(resp) = &o.response {
        doc["response"] = json!({
            "status": resp.status,
            "headers": headers_object(&resp.headers),
            "body": resp.body.clone().unwrap_or(Value::Null),
        });
    }
    doc
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "",
    }
}

fn body_text(v: &Value) -> String {
    match v {
        // One line: a line break in the body is shown as `\n`, never a line of its own.
        Value::String(s) => safe::line(s),
        other => safe::json(serde_json::to_string_pretty(other).unwrap_or_default()),
    }
}

fn request_message(r: &Request, out: &mut String) {
    out.push_str(&format!(
        "{} {}\n",
        safe::text(&r.method),
        safe::text(&r.url())
    ));
    for (k, v) in &r.headers {
        out.push_str(&format!("{}: {}\n", safe::text(k), safe::text(v)));
    }
    if let Some(b) = &r.body {
        out.push('\n');
        out.push_str(&body_text(&b.to_json()));
        out.push('\n');
    }
}

fn policy_lines(list: &[&Applied], out: &mut String) {
    for a in list {
        let mark = if !a.applied {
            "-"
        } else if a.changes.is_empty() {
            "="
        } else {
            "*"
        };
        out.push_str(&format!(
            "  {mark} {} \"{}\" ({}, {})\n",
            safe::text(&a.template_id),
            safe::text(&a.title),
            a.section.as_str(),
            safe::text(&a.pointer)
        ));
        for c in &a.changes {
            out.push_str(&format!("      {}\n", safe::text(c)));
        }
        if let Some(n) = &a.note {
            out.push_str(&format!("      {}\n", safe::text(n)));
        }
    }
}

/// The text rendering: the request as an HTTP message, the policies that targeted it (`*`
/// changed it, `=` ran without a change, `-` did not run, with why), then the response.
pub(crate) fn text(o: &RequestOutcome) -> String {
    let mut out = String::new();
    request_message(&o.request, &mut out);
    let request_side: Vec<&Applied> = o
        .policies
        .iter()
        .filter(|a| a.section == crate::policies::Section::Request)
        .collect();
    let response_side: Vec<&Applied> = o
        .policies
        .iter()
        .filter(|a| a.section != crate::policies::Section::Request)
        .collect();
    out.push('\n');
    if o.policies.is_empty() {
        out.push_str("No policy template targets this operation.\n");
    } else {
        if !request_side.is_empty() {
            out.push_str("Request policies (apiProperties.json, in order):\n");
            policy_lines(&request_side, &mut out);
        }
        if !response_side.is_empty() {
            out.push_str("Response policies:\n");
            policy_lines(&response_side, &mut out);
        }
    }
    if let Some(resp) = &o.response {
        out.push_str(&format!(
            "\nHTTP/1.1 {} {}\n",
            resp.status,
            reason(resp.status)
        ));
        for (k, v) in &resp.headers {
            out.push_str(&format!("{}: {}\n", safe::text(k), safe::text(v)));
        }
        if let Some(b) = &resp.body {
            out.push('\n');
            out.push_str(&body_text(b));
            out.push('\n');
        }
    }
    if !o.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in &o.notes {
            out.push_str(&format!("  {}\n", safe::text(n)));
        }
    }
    out.push_str("\nNothing was sent.\n");
    out
}

/// `connkit explain <templateId>`: what the catalog says of a template, with its page.
pub(crate) fn template_text(t: &crate::policies::catalog::Template) -> String {
    use crate::policies::catalog;
    let mut s = format!(
        "{}  (policy template: {}{})\n\n{}\n\n  ids:      {}\n",
        t.id,
        t.name,
        if t.preview { ", preview" } else { "" },
        t.summary,
        t.ids.join(", ")
    );
    if !t.documented {
        s.push_str("  status:   undocumented (Microsoft-internal); connkit does not simulate it\n");
    }
    let sections: Vec<&str> = t.sections.iter().map(|x| x.as_str()).collect();
    s.push_str(&format!(
        "  sections: {}\n  operations: {}\n",
        if sections.is_empty() {
            "Request (no x-ms-apimTemplate-policySection)".to_string()
        } else {
            sections.join(", ")
        },
        match t.scope {
            catalog::Scope::NamedOperations => {
                "name them in x-ms-apimTemplate-operationName (bound to one operation's path or body)"
            }
            catalog::Scope::AnyOperation => {
                "x-ms-apimTemplate-operationName optional (absent: every operation)"
            }
        }
    ));
    if !t.params.is_empty() {
        s.push_str("\n### Parameters\n");
        for p in t.params {
            s.push_str(&format!(
                "- {}{} ({}){}",
                catalog::PARAM_PREFIX,
                p.name,
                if p.required { "required" } else { "optional" },
                if p.doc.is_empty() {
                    String::new()
                } else {
                    format!(": {}", p.doc)
                }
            ));
            if !p.values.is_empty() {
                s.push_str(&format!(" One of: {}.", p.values.join(", ")));
            }
            if let Some(d) = p.default {
                s.push_str(&format!(" Default: {d}."));
            }
            s.push('\n');
        }
    }
    s.push_str(&format!("\nSource: {}\n", t.citation()));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::request::Body;
    use crate::policies::Section;

    fn outcome() -> RequestOutcome {
        let req = Request {
            method: "POST".into(),
            scheme: "https".into(),
            host: "api.contoso.com".into(),
            base_path: "/v1".into(),
            path: "/items".into(),
            path_template: "/items".into(),
            path_params: vec![],
            query: vec![("q".into(), "a b".into())],
            headers: vec![
                ("X-A".into(), "1".into()),
                ("x-a".into(), "2".into()),
                // A value from a stranger's apiProperties.json trying to forge lines.
                (
                    "X-Evil".into(),
                    "v\n::error::pwned\r##vso[task.setvariable]x".into(),
                ),
            ],
            body: Some(Body::Json(serde_json::json!({"k": "##vso[x]"}))),
        };
        RequestOutcome {
            operation_id: "Op".into(),
            request: req,
            policies: vec![Applied {
                template_id: "setheader".into(),
                title: "t".into(),
                pointer: "/properties/policyTemplateInstances/0".into(),
                section: Section::Request,
                applied: true,
                changes: vec!["header X-A: 1".into()],
                note: None,
            }],
            response: Some(Response {
                status: 404,
                headers: vec![],
                body: None,
            }),
            notes: vec![],
        }
    }

    #[test]
    fn json_document_shape() {
        let doc = json(&outcome());
        assert_eq!(doc["operationId"], "Op");
        assert_eq!(doc["url"], "https://api.contoso.com/v1/items?q=a%20b");
        // Headers of one name are joined, in the first one's place and spelling.
        assert_eq!(doc["headers"]["X-A"], "1, 2");
        assert_eq!(doc["policies"][0]["templateId"], "setheader");
        assert_eq!(doc["policies"][0]["applied"], true);
        assert!(doc["policies"][0].get("note").is_none());
        assert_eq!(doc["response"]["status"], 404);
        assert_eq!(doc["response"]["body"], Value::Null);
    }

    #[test]
    fn text_never_lets_a_value_start_a_line_or_a_command() {
        let t = text(&outcome());
        assert!(
            t.starts_with("POST https://api.contoso.com/v1/items?q=a%20b\n"),
            "{t}"
        );
        assert!(t.contains("\nHTTP/1.1 404 Not Found\n"), "{t}");
        for line in t.lines() {
            assert!(!line.trim_start().starts_with("::"), "{line}");
            assert!(!line.contains("##vso["), "{line}");
        }
        assert!(t.contains("X-Evil: v\\n"), "{t}");
    }
}
