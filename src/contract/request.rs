//! The request of one operation, built exactly as `connkit request` builds it
//! ([`crate::model::request::build`], then [`crate::model::request::apply_security`], then the
//! request-section policy templates, [`Policies::apply_request`]), then sent to `--base-url`,
//! which replaces scheme, host and basePath (after the policies: a `dynamichosturl` names the
//! production host, `--base-url` the one under test). The response-section policies run on
//! the response before it is checked ([`apply_response`]): the definition describes what the
//! platform hands to the flow.

use serde_json::Value;

use super::auth::Connection;
use super::inputs::Inputs;
use super::validate::Response;
use crate::model::request::{self as model_request, Request};
use crate::model::swagger::{Operation, Swagger};
use crate::policies::Policies;

/// A request ready to send.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Built {
    /// Upper case.
    pub(crate) method: String,
    pub(crate) url: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Option<Vec<u8>>,
    /// The request as the builder and the policies left it (response policies read it).
    pub(crate) request: Request,
}

impl Built {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A value as the request builder takes it: strings as they are, anything else as JSON
/// (arrays as JSON arrays, which it splits per `collectionFormat`).
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Build the request of `op` with `inputs`, for `base` (`--base-url`, parsed).
pub(crate) fn build<'a>(
    sw: &Swagger<'a>,
    op: &Operation<'a>,
    inputs: &Inputs,
    conn: &Connection,
    policies: &Policies<'_>,
    base: &reqwest::Url,
) -> Result<Built, String> {
    let mut params: Vec<(String, String)> = inputs
        .params
        .iter()
        .map(|p| (p.name.clone(), text(&p.value)))
        .collect();
    if let Some(b) = &inputs.body {
        let name = op
            .body_param()
            .and_then(|p| p.name)
            .unwrap_or("body")
            .to_string();
        params.push((name, text(b)));
    }
    let given = model_request::Inputs {
        params,
        headers: Vec::new(),
    };
    let mut req = model_request::build(sw, op, &given).map_err(|e| e.to_string())?;
    let connections = conn.values();
    let _notes = model_request::apply_security(sw.root, connections, &mut req);
    policies
        .apply_request(op.operation_id, &mut req, connections)
        .map_err(|e| e.to_string())?;
    req.scheme = base.scheme().to_string();
    req.host = match base.port() {
        Some(p) => format!("{}:{p}", base.host_str().unwrap_or_default()),
        None => base.host_str().unwrap_or_default().to_string(),
    };
    req.base_path = base.path().trim_end_matches('/').to_string();
    Ok(Built {
        method: req.method.clone(),
        url: req.url(),
        headers: req.headers.clone(),
        body: req.body.as_ref().map(|b| b.to_text().into_bytes()),
        request: req,
    })
}

/// Apply the operation's response-section policies to a JSON response (others are checked
/// as they came). A policy that cannot run leaves the response as it came.
pub(crate) fn apply_response(
    op: &Operation<'_>,
    policies: &Policies<'_>,
    built: &Built,
    conn: &Connection,
    resp: &Response,
) -> Response {
    let targets = policies
        .for_operation(op.operation_id)
        .iter()
        .any(|i| i.section == crate::policies::Section::Response);
    if !targets || resp.truncated {
        return resp.clone();
    }
    let body: Option<Value> = serde_json::from_slice(&resp.body).ok();
    if body.is_none() && !resp.body.iter().all(u8::is_ascii_whitespace) {
        return resp.clone();
    }
    let mut r = model_request::Response {
        status: resp.status,
        headers: resp.headers.clone(),
        body,
    };
    if policies
        .apply_response(op.operation_id, &built.request, &mut r, conn.values())
        .is_err()
    {
        return resp.clone();
    }
    Response {
        status: r.status,
        headers: r
            .headers
            .into_iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect(),
        body: r
            .body
            .map(|b| serde_json::to_vec(&b).unwrap_or_default())
            .unwrap_or_default(),
        truncated: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::inputs::resolve;
    use serde_json::json;

    #[test]
    fn base_url_replaces_scheme_host_and_base_path_and_arrays_follow_collection_format() {
        let def = json!({"swagger": "2.0", "info": {"title": "T", "version": "1"},
            "host": "api.contoso.com", "basePath": "/v1", "schemes": ["https"],
            "paths": {"/items/{id}": {"get": {"operationId": "GetItem", "parameters": [
                {"name": "id", "in": "path", "required": true, "type": "string", "x-ms-test-value": "a b"},
                {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "csv", "x-ms-test-value": ["x", "y"]},
                {"name": "ids", "in": "query", "type": "array", "items": {"type": "integer"}, "collectionFormat": "multi", "x-ms-test-value": [1, 2]}
            ], "responses": {"200": {"description": "OK"}}}}}});
        let sw = Swagger::new(&def);
        let op = sw.operation_by_id("GetItem").unwrap();
        let inputs = resolve(&sw, op, None).unwrap();
        let policies = Policies::from_properties(None);
        let base = reqwest::Url::parse("http://127.0.0.1:8080/staging/v1/").unwrap();
        let b = build(&sw, op, &inputs, &Connection::default(), &policies, &base).unwrap();
        assert_eq!(
            b.url,
            "http://127.0.0.1:8080/staging/v1/items/a%20b?tags=x%2Cy&ids=1&ids=2"
        );
        assert_eq!(b.method, "GET");
        assert!(b.body.is_none());
    }
}
