//! The HTTP request an operation of the definition describes, built offline from values the
//! caller chose — the Swagger half of `connkit request` and `connkit test`. Nothing here sends
//! anything; [`crate::policies`] then rewrites the request (and a response) as the platform's
//! policy templates do.
//!
//! # API
//! - [`build`]`(swagger, operation, &Inputs) -> Result<Request, BuildError>`: scheme (the first
//!   of `schemes`, `https` preferred), `host`, `basePath`, the path template with its path
//!   parameters encoded per `x-ms-url-encoding` (`single` by default, `double` encodes twice),
//!   query, header and formData parameters (arrays joined per `collectionFormat`: csv, ssv, tsv,
//!   pipes, or one pair per value for multi), the body from the body parameter, and
//!   `Content-Type` from `consumes` when there is a body. A parameter without a value takes its
//!   `default` when it is required or `x-ms-visibility: internal` (what the designer fills in);
//!   other optional parameters are left out. A required parameter with neither is a
//!   [`BuildError::MissingParameter`]; a value for a parameter the operation lacks is
//!   [`BuildError::UnknownParameter`].
//! - [`apply_security`]`(root, &connections, &mut Request) -> Vec<String>`: the authentication
//!   the definition declares (`apiKey` in a header or the query from the connection parameter
//!   `api_key`, `basic` from `username`/`password`, `oauth2` as `Bearer` from `token`), with a
//!   note per credential nobody gave.
//! - [`Request`] keeps the URL in parts (`scheme`, `host`, `base_path`, `path`, `query`) so the
//!   policies can replace one of them; [`Request::url`] assembles and encodes it;
//!   [`Request::set_base_url`] replaces scheme, host and base path at once (`--base-url`).
//! - [`Response`]: `{status, headers, body}`, read from a JSON file with
//!   [`Response::from_json`].
//!
//! Values are kept decoded (query values, header values); encoding happens once, in
//! [`Request::url`], except the path, whose parameters are encoded when substituted (their
//! encoding is the parameter's own).

use serde_json::Value;

use super::swagger::{Operation, Param, Swagger};

/// What the caller gives for one request: parameter values by name (`body` for the body
/// parameter), and raw request headers sent besides the parameters.
#[derive(Debug, Clone, Default)]
pub(crate) struct Inputs {
    /// `(name, value)`: the operation's parameter `name` (exact name first, else the one
    /// parameter whose name matches ignoring case). The body parameter also answers to `body`;
    /// its value is JSON (kept as text when it does not parse and the schema is a string).
    /// Array parameters take a JSON array or comma-separated values.
    pub(crate) params: Vec<(String, String)>,
    /// Raw request headers (`--header`), set after the header parameters.
    pub(crate) headers: Vec<(String, String)>,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Body {
    /// A JSON document (the body parameter of a JSON operation).
    Json(Value),
    /// Text sent as is (a body whose schema is a string and whose value is not JSON).
    Text(String),
    /// `formData` parameters, sent form-encoded (or as multipart when the operation consumes
    /// `multipart/form-data`; shown form-encoded).
    Form(Vec<(String, String)>),
}

impl Body {
    /// The body as JSON for reports: the document, the text as a string, a form as an object.
    pub(crate) fn to_json(&self) -> Value {
        match self {
            Body::Json(v) => v.clone(),
            Body::Text(s) => Value::String(s.clone()),
            Body::Form(pairs) => Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect(),
            ),
        }
    }

    /// The body as it goes on the wire (JSON compact, a form url-encoded).
    pub(crate) fn to_text(&self) -> String {
        match self {
            Body::Json(v) => serde_json::to_string(v).unwrap_or_default(),
            Body::Text(s) => s.clone(),
            Body::Form(pairs) => pairs
                .iter()
                .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
                .collect::<Vec<_>>()
                .join("&"),
        }
    }
}

/// An HTTP request, with its URL in parts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Request {
    /// Upper case: `GET`.
    pub(crate) method: String,
    /// `https`
    pub(crate) scheme: String,
    /// `api.contoso.com` or `host:port` (may be empty when the definition has no host).
    pub(crate) host: String,
    /// `""` or `/v1` (never ends with `/`).
    pub(crate) base_path: String,
    /// The operation's path with its parameters substituted and encoded: `/items/42`.
    pub(crate) path: String,
    /// The operation's path template as written: `/items/{id}`.
    pub(crate) path_template: String,
    /// Path parameters as substituted: `(name, encoded value)`.
    pub(crate) path_params: Vec<(String, String)>,
    /// Query parameters in order, decoded (a `multi` array gives one pair per value).
    pub(crate) query: Vec<(String, String)>,
    /// Headers in order, decoded; names compare ignoring case.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Option<Body>,
}

impl Request {
    /// `scheme://host` + basePath + path + `?query` (query names and values percent-encoded).
    pub(crate) fn url(&self) -> String {
        let mut url = format!(
            "{}://{}{}{}",
            self.scheme, self.host, self.base_path, self.path
        );
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(
                &self
                    .query
                    .iter()
                    .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
                    .collect::<Vec<_>>()
                    .join("&"),
            );
        }
        url
    }

    /// `scheme://host` plus everything up to the operation's path, as one URL.
    pub(crate) fn base_url(&self) -> String {
        format!("{}://{}{}", self.scheme, self.host, self.base_path)
    }

    /// Replace scheme, host and base path with a URL (`https://eu.contoso.com/v2`): what
    /// `dynamichosturl` does, and `connkit test --base-url`. Without `://` only the host and
    /// base path change; whatever follows the host (a path, even a `?query`) becomes the base
    /// path, without a trailing `/`.
    pub(crate) fn set_base_url(&mut self, url: &str) {
        let rest = match url.split_once("://") {
            Some((scheme, rest)) => {
                self.scheme = scheme.to_string();
                rest
            }
            None => url,
        };
        let (host, path) = match rest.find(['/', '?']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        self.host = host.to_string();
        self.base_path = path.trim_end_matches('/').to_string();
    }

    /// The first header of this name (ignoring case).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Replace every header of this name (ignoring case) with one, kept in the first one's
    /// place (appended when new).
    pub(crate) fn set_header(&mut self, name: &str, value: &str) {
        set_pair(&mut self.headers, name, value, true);
    }

    /// Replace the query parameter of this name with one (appended when new).
    pub(crate) fn set_query(&mut self, name: &str, value: &str) {
        set_pair(&mut self.query, name, value, false);
    }
}

/// A response, as `--response FILE` gives it and the response-section policies rewrite it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    /// The body: JSON (a string when the response is text), `None` when there is none.
    pub(crate) body: Option<Value>,
}

impl Response {
    /// Read `{"status": 200, "headers": {"name": "value"}, "body": …}` (status defaults to
    /// 200, headers to none; header values that are not strings are written as JSON).
    pub(crate) fn from_json(v: &Value) -> Result<Response, String> {
        let Some(o) = v.as_object() else {
            return Err(
                "a response file holds a JSON object {\"status\", \"headers\", \"body\"}".into(),
            );
        };
        let status = match o.get("status") {
            None => 200,
            Some(s) => s
                .as_u64()
                .filter(|n| (100..=599).contains(n))
                .map(|n| n as u16)
                .ok_or_else(|| format!("\"status\" must be an HTTP status (100-599), not {s}"))?,
        };
        let headers = match o.get("headers") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Object(m)) => m
                .iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (k.clone(), v)
                })
                .collect(),
            Some(_) => return Err("\"headers\" must be an object of name → value".into()),
        };
        Ok(Response {
            status,
            headers,
            body: o.get("body").cloned(),
        })
    }

    #[cfg(test)]
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn set_pair(pairs: &mut Vec<(String, String)>, name: &str, value: &str, ignore_case: bool) {
    let same = |k: &str| {
        if ignore_case {
            k.eq_ignore_ascii_case(name)
        } else {
            k == name
        }
    };
    match pairs.iter().position(|(k, _)| same(k)) {
        Some(i) => {
            pairs[i].1 = value.to_string();
            let mut n = 0;
            pairs.retain(|(k, _)| {
                n += 1;
                n - 1 <= i || !same(k)
            });
        }
        None => pairs.push((name.to_string(), value.to_string())),
    }
}

/// Why a request could not be built: a usage error of the caller.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum BuildError {
    #[error(
        "operation '{operation}' needs {location} parameter '{name}': give --param {name}=VALUE"
    )]
    MissingParameter {
        operation: String,
        name: String,
        location: String,
    },
    #[error("operation '{operation}' has no parameter '{name}' (its parameters: {known})")]
    UnknownParameter {
        operation: String,
        name: String,
        known: String,
    },
    #[error("parameter '{name}': {reason}")]
    BadValue { name: String, reason: String },
}

/// Every character but the unreserved ones (`A-Z a-z 0-9 - . _ ~`) is percent-encoded, as
/// .NET's `Uri.EscapeDataString` does for path and query components.
const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encode a path segment or a query name or value.
pub(crate) fn encode_component(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, COMPONENT).to_string()
}

/// The value given for a parameter, and whether it came from the inputs (else its default).
fn given<'i>(inputs: &'i Inputs, p: &Param<'_>) -> Option<&'i str> {
    let name = p.name?;
    let exact = inputs.params.iter().find(|(k, _)| k == name);
    let found = exact
        .or_else(|| {
            inputs
                .params
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
        })
        .or_else(|| {
            (p.location == Some("body"))
                .then(|| inputs.params.iter().find(|(k, _)| k == "body"))
                .flatten()
        });
    found.map(|(_, v)| v.as_str())
}

/// A scalar JSON value as the text a URL or header carries.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The values of an array parameter: a JSON array, else comma-separated text.
fn array_values(text: &str) -> Vec<String> {
    if text.trim_start().starts_with('[')
        && let Ok(Value::Array(a)) = serde_json::from_str::<Value>(text)
    {
        return a.iter().map(scalar_text).collect();
    }
    text.split(',').map(str::to_string).collect()
}

/// Check a scalar against the parameter's `type` (integer, number, boolean).
fn check_type(p: &Param<'_>, value: &str) -> Result<(), BuildError> {
    let name = p.name.unwrap_or_default();
    let ok = match p.str("type") {
        Some("integer") => value.trim().parse::<i64>().is_ok(),
        Some("number") => value.trim().parse::<f64>().is_ok_and(f64::is_finite),
        Some("boolean") => matches!(value.trim(), "true" | "false"),
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(BuildError::BadValue {
            name: name.to_string(),
            reason: format!(
                "'{value}' is not a{} {}",
                if p.str("type") == Some("integer") {
                    "n"
                } else {
                    ""
                },
                p.str("type").unwrap_or_default()
            ),
        })
    }
}

/// Build the request of `op` from the definition and the caller's values (see the module
/// documentation for every rule applied).
pub(crate) fn build<'a>(
    sw: &Swagger<'a>,
    op: &Operation<'a>,
    inputs: &Inputs,
) -> Result<Request, BuildError> {
    let root = sw.root;
    let label = op.label();
    // Values for parameters the operation does not have are mistakes worth stopping on.
    for (k, _) in &inputs.params {
        let known = op.params.iter().any(|p| {
            p.name.is_some_and(|n| n == k || n.eq_ignore_ascii_case(k))
                || (k == "body" && p.location == Some("body"))
        });
        if !known {
            let names: Vec<&str> = op.params.iter().filter_map(|p| p.name).collect();
            return Err(BuildError::UnknownParameter {
                operation: label,
                name: k.clone(),
                known: if names.is_empty() {
                    "none".into()
                } else {
                    names.join(", ")
                },
            });
        }
    }
    let schemes: Vec<&str> = root
        .get("schemes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let scheme = if schemes.is_empty() || schemes.contains(&"https") {
        "https"
    } else {
        schemes[0]
    };
    let host = root
        .get("host")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let base_path = root
        .get("basePath")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_string();
    let base_path = if base_path.is_empty() || base_path.starts_with('/') {
        base_path
    } else {
        format!("/{base_path}")
    };
    let mut req = Request {
        method: op.method.to_ascii_uppercase(),
        scheme: scheme.to_string(),
        host,
        base_path,
        path: op.path.to_string(),
        path_template: op.path.to_string(),
        path_params: Vec::new(),
        query: Vec::new(),
        headers: Vec::new(),
        body: None,
    };
    let mut form: Vec<(String, String)> = Vec::new();
    for p in &op.params {
        let (Some(name), Some(location)) = (p.name, p.location) else {
            continue;
        };
        let value: Option<String> = match given(inputs, p) {
            Some(v) => Some(v.to_string()),
            None => {
                let use_default = p.is_required() || p.visibility() == Some("internal");
                match p.get("default").filter(|_| use_default) {
                    Some(d) if location == "body" => Some(d.to_string()),
                    Some(Value::Array(a)) => {
                        Some(serde_json::to_string(&Value::Array(a.clone())).unwrap_or_default())
                    }
                    Some(d) => Some(scalar_text(d)),
                    None if p.is_required() => {
                        return Err(BuildError::MissingParameter {
                            operation: label,
                            name: name.to_string(),
                            location: location.to_string(),
                        });
                    }
                    None => None,
                }
            }
        };
        let Some(value) = value else { continue };
        let is_array = p.str("type") == Some("array");
        if !is_array && location != "body" {
            check_type(p, &value)?;
        }
        let format = p.str("collectionFormat").unwrap_or("csv");
        let joined = |vals: &[String]| {
            let sep = match format {
                "ssv" => " ",
                "tsv" => "\t",
                "pipes" => "|",
                _ => ",",
            };
            vals.join(sep)
        };
        match location {
            "path" => {
                let text = if is_array {
                    joined(&array_values(&value))
                } else {
                    value
                };
                let mut encoded = encode_component(&text);
                if p.str("x-ms-url-encoding") == Some("double") {
                    encoded = encode_component(&encoded);
                }
                req.path = req.path.replace(&format!("{{{name}}}"), &encoded);
                req.path_params.push((name.to_string(), encoded));
            }
            "query" => {
                if is_array && format == "multi" {
                    for v in array_values(&value) {
                        req.query.push((name.to_string(), v));
                    }
                } else if is_array {
                    req.query
                        .push((name.to_string(), joined(&array_values(&value))));
                } else {
                    req.query.push((name.to_string(), value));
                }
            }
            "header" => {
                let v = if is_array {
                    joined(&array_values(&value))
                } else {
                    value
                };
                req.set_header(name, &v);
            }
            "formData" => {
                if is_array && format == "multi" {
                    for v in array_values(&value) {
                        form.push((name.to_string(), v));
                    }
                } else if is_array {
                    form.push((name.to_string(), joined(&array_values(&value))));
                } else {
                    form.push((name.to_string(), value));
                }
            }
            "body" => {
                let schema_is_string = p
                    .get("schema")
                    .map(|s| sw.resolve_or_self(s, &p.field("schema")).0)
                    .and_then(|s| s.get("type"))
                    .and_then(Value::as_str)
                    == Some("string");
                req.body = Some(match serde_json::from_str::<Value>(&value) {
                    Ok(v) => Body::Json(v),
                    Err(_) if schema_is_string => Body::Text(value),
                    Err(e) => {
                        return Err(BuildError::BadValue {
                            name: name.to_string(),
                            reason: format!("the body is not JSON ({e})"),
                        });
                    }
                });
            }
            _ => {}
        }
    }
    if !form.is_empty() {
        req.body = Some(Body::Form(form));
    }
    if req.body.is_some() && req.header("Content-Type").is_none() {
        let consumes = sw.media_types(op, "consumes");
        let ct = match &req.body {
            Some(Body::Form(_)) => consumes
                .iter()
                .find(|c| c.contains("form"))
                .copied()
                .unwrap_or("application/x-www-form-urlencoded"),
            _ => consumes
                .iter()
                .find(|c| c.contains("json"))
                .or(consumes.first())
                .copied()
                .unwrap_or("application/json"),
        };
        req.set_header("Content-Type", ct);
    }
    for (k, v) in &inputs.headers {
        req.set_header(k, v);
    }
    Ok(req)
}

/// A connection parameter's value by name (ignoring case).
fn connection<'a>(connections: &'a [(String, String)], name: &str) -> Option<&'a str> {
    connections
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Apply the authentication the definition declares (the first entry of `security`, else the
/// first of `securityDefinitions`) from the connection parameters the platform uses for it:
/// `api_key` (apiKey), `username` and `password` (basic), `token` (oauth2, sent as `Bearer`).
/// Returns a note for each credential nobody gave (the request is then built without it).
pub(crate) fn apply_security(
    root: &Value,
    connections: &[(String, String)],
    req: &mut Request,
) -> Vec<String> {
    let mut notes = Vec::new();
    let Some(defs) = root.get("securityDefinitions").and_then(Value::as_object) else {
        return notes;
    };
    let chosen = root
        .get("security")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(Value::as_object)
        .and_then(|m| m.keys().next())
        .and_then(|k| defs.get(k))
        .or_else(|| defs.values().next());
    let Some(def) = chosen else { return notes };
    match def.get("type").and_then(Value::as_str) {
        Some("apiKey") => {
            let name = def.get("name").and_then(Value::as_str).unwrap_or_default();
            match connection(connections, "api_key") {
                Some(key) if !name.is_empty() => {
                    if def.get("in").and_then(Value::as_str) == Some("query") {
                        req.set_query(name, key);
                    } else {
                        req.set_header(name, key);
                    }
                }
                Some(_) => {}
                None => notes.push(format!(
                    "the API key ({name}) is not set: give --connection api_key=VALUE"
                )),
            }
        }
        Some("basic") => match (
            connection(connections, "username"),
            connection(connections, "password"),
        ) {
            (Some(u), Some(p)) => {
                req.set_header(
                    "Authorization",
                    &format!("Basic {}", base64(format!("{u}:{p}").as_bytes())),
                );
            }
            _ => notes.push(
                "basic authentication is not set: give --connection username=… and --connection password=…"
                    .into(),
            ),
        },
        Some("oauth2") => match connection(connections, "token") {
            Some(t) => req.set_header("Authorization", &format!("Bearer {t}")),
            None => notes.push(
                "the OAuth token is not set: give --connection token=VALUE to see the Authorization header"
                    .into(),
            ),
        },
        _ => {}
    }
    notes
}

/// Standard base64 with padding. Twelve lines here rather than a dependency for the one
/// `Authorization: Basic` header.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn def() -> Value {
        json!({
            "swagger": "2.0", "host": "api.contoso.com", "basePath": "/v1/", "schemes": ["http", "https"],
            "consumes": ["application/json"],
            "paths": {
                "/items/{id}/{path}": {"post": {"operationId": "Update", "parameters": [
                    {"name": "id", "in": "path", "required": true, "type": "string", "x-ms-url-encoding": "single"},
                    {"name": "path", "in": "path", "required": true, "type": "string", "x-ms-url-encoding": "double"},
                    {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "pipes"},
                    {"name": "ids", "in": "query", "type": "array", "items": {"type": "integer"}, "collectionFormat": "multi"},
                    {"name": "api-version", "in": "query", "required": true, "type": "string", "default": "2024-01-01", "x-ms-visibility": "internal"},
                    {"name": "top", "in": "query", "type": "integer", "default": 50},
                    {"name": "X-Trace", "in": "header", "type": "string"},
                    {"name": "payload", "in": "body", "required": true, "schema": {"type": "object"}}
                ]}},
                "/plain": {"get": {"operationId": "Plain"}}
            },
            "securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "X-Key"}}
        })
    }

    fn inputs(params: &[(&str, &str)]) -> Inputs {
        Inputs {
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            headers: vec![],
        }
    }

    #[test]
    fn builds_url_query_headers_and_body_from_the_definition() {
        let d = def();
        let sw = Swagger::new(&d);
        let op = sw.operation_by_id("Update").unwrap();
        let r = build(
            &sw,
            op,
            &inputs(&[
                ("id", "a b"),
                ("path", "x/y"),
                ("tags", "red,green"),
                ("ids", "[1,2]"),
                ("x-trace", "t1"),
                ("body", r#"{"name":"n"}"#),
            ]),
        )
        .unwrap();
        assert_eq!(r.method, "POST");
        // https preferred, basePath without its trailing slash, single and double encoding,
        // pipes and multi, the internal default, the optional default left out.
        assert_eq!(
            r.url(),
            "https://api.contoso.com/v1/items/a%20b/x%252Fy?tags=red%7Cgreen&ids=1&ids=2&api-version=2024-01-01"
        );
        assert_eq!(r.header("x-trace"), Some("t1"));
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.body, Some(Body::Json(json!({"name": "n"}))));
        assert_eq!(r.path_template, "/items/{id}/{path}");
    }

    #[test]
    fn missing_unknown_and_mistyped_values_are_errors_naming_the_parameter() {
        let d = def();
        let sw = Swagger::new(&d);
        let op = sw.operation_by_id("Update").unwrap();
        let e = build(&sw, op, &inputs(&[("id", "1"), ("body", "{}")])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "operation 'Update' needs path parameter 'path': give --param path=VALUE"
        );
        let e = build(&sw, op, &inputs(&[("idd", "1")])).unwrap_err();
        assert!(matches!(e, BuildError::UnknownParameter { ref name, .. } if name == "idd"));
        let e = build(
            &sw,
            op,
            &inputs(&[("id", "1"), ("path", "p"), ("top", "many"), ("body", "{}")]),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "parameter 'top': 'many' is not an integer");
        let e = build(
            &sw,
            op,
            &inputs(&[("id", "1"), ("path", "p"), ("body", "{nope")]),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("parameter 'payload': the body is not JSON")
        );
    }

    #[test]
    fn security_from_connection_parameters() {
        let d = def();
        let sw = Swagger::new(&d);
        let op = sw.operation_by_id("Plain").unwrap();
        let mut r = build(&sw, op, &Inputs::default()).unwrap();
        assert_eq!(r.url(), "https://api.contoso.com/v1/plain");
        let notes = apply_security(&d, &[], &mut r);
        assert_eq!(notes.len(), 1);
        apply_security(&d, &[("api_key".into(), "k1".into())], &mut r);
        assert_eq!(r.header("X-Key"), Some("k1"));
        let basic = json!({"securityDefinitions": {"b": {"type": "basic"}}});
        apply_security(
            &basic,
            &[
                ("username".into(), "Aladdin".into()),
                ("password".into(), "open sesame".into()),
            ],
            &mut r,
        );
        // RFC 7617's example.
        assert_eq!(
            r.header("authorization"),
            Some("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        );
    }

    #[test]
    fn set_header_replaces_every_copy_in_place() {
        let mut r = Request {
            method: "GET".into(),
            scheme: "https".into(),
            host: "h".into(),
            base_path: String::new(),
            path: "/".into(),
            path_template: "/".into(),
            path_params: vec![],
            query: vec![],
            headers: vec![
                ("A".into(), "1".into()),
                ("b".into(), "2".into()),
                ("a".into(), "3".into()),
            ],
            body: None,
        };
        r.set_header("a", "9");
        r.set_base_url("http://127.0.0.1:8080/staging/v1/");
        assert_eq!(r.url(), "http://127.0.0.1:8080/staging/v1/");
        r.set_base_url("eu.contoso.com");
        assert_eq!(r.base_url(), "http://eu.contoso.com");
        assert_eq!(
            r.headers,
            vec![("A".into(), "9".into()), ("b".into(), "2".into())]
        );
    }

    #[test]
    fn response_files() {
        let r = Response::from_json(
            &json!({"status": 201, "headers": {"X": "1", "N": 2}, "body": {"a": 1}}),
        )
        .unwrap();
        assert_eq!(r.status, 201);
        assert_eq!(r.header("n"), Some("2"));
        assert!(Response::from_json(&json!({"status": 42})).is_err());
        assert!(Response::from_json(&json!([])).is_err());
        assert_eq!(Response::from_json(&json!({})).unwrap().status, 200);
    }
}
