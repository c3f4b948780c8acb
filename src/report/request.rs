//! Rendering `connkit request`: one JSON document, or the request (and response) as HTTP
//! messages followed by the policies that changed them.
//!
//! JSON: `{"operationId", "method", "url", "headers": {name: value}, "body", "policies":
//! [{"templateId", "title", "applied", "section", "pointer", "changes", "note"?}], "notes",
//! "response"?: {"status", "headers", "body"}}`. Headers of the same name (a setheader with
//! `existsAction: append`) are joined with `, ` as HTTP allows.

use serde_json::{Map, Value, json};

use crate::app::request::RequestOutcome;
use crate::model::request::Request;
use crate::policies::Applied;
use crate::safe;

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
pub fn json(o: &RequestOutcome) -> Value {
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
        Value::String(s) => safe::lines(s),
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
pub fn text(o: &RequestOutcome) -> String {
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
