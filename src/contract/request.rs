//! The request of one operation: the definition, the inputs, the connector's policies and
//! authentication, sent to `--base-url` (which replaces scheme, host and basePath).

use serde_json::Value;

use super::auth::Connection;
use super::inputs::{Inputs, wire_values};
use crate::model::swagger::{Operation, Swagger};

/// A request ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// Upper case.
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

impl Built {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Percent-encode a path segment or a query component (unreserved characters kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `--base-url` without a trailing slash.
pub fn base(base_url: &str) -> &str {
    base_url.trim_end_matches('/')
}

/// Build the request of `op` with `inputs`, sent to `base_url`, with the connection's
/// authentication.
pub fn build<'a>(
    sw: &Swagger<'a>,
    op: &Operation<'a>,
    inputs: &Inputs,
    conn: &Connection,
    base_url: &str,
) -> Result<Built, String> {
    let mut path = op.path.to_string();
    let mut query: Vec<(String, String)> = Vec::new();
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut form: Vec<(String, String)> = Vec::new();
    for p in &inputs.params {
        let values = wire_values(p);
        match p.location.as_str() {
            "path" => {
                let v = values.join(",");
                path = path.replace(&format!("{{{}}}", p.name), &encode(&v));
            }
            "query" => query.extend(values.into_iter().map(|v| (p.name.clone(), v))),
            "header" => headers.push((p.name.clone(), values.join(","))),
            "formData" => form.extend(values.into_iter().map(|v| (p.name.clone(), v))),
            _ => {}
        }
    }
    let consumes = sw.media_types(op, "consumes");
    let body = if let Some(b) = &inputs.body {
        let ct = consumes
            .first()
            .copied()
            .unwrap_or("application/json")
            .to_string();
        headers.push(("Content-Type".into(), ct));
        Some(match b {
            Value::String(s) if !consumes.iter().any(|c| c.contains("json")) => {
                s.clone().into_bytes()
            }
            other => serde_json::to_vec(other).unwrap_or_default(),
        })
    } else if !form.is_empty() {
        headers.push((
            "Content-Type".into(),
            "application/x-www-form-urlencoded".into(),
        ));
        Some(
            form.iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect::<Vec<_>>()
                .join("&")
                .into_bytes(),
        )
    } else {
        None
    };
    conn.apply(sw.root, &mut headers, &mut query);
    let mut url = format!("{}{}", base(base_url), path);
    if !query.is_empty() {
        url.push('?');
        url.push_str(
            &query
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect::<Vec<_>>()
                .join("&"),
        );
    }
    Ok(Built {
        method: op.method.to_ascii_uppercase(),
        url,
        headers,
        body,
    })
}
