//! `connkit test` against servers this test starts on 127.0.0.1: a conforming API, one that
//! drifts from the definition in each way the issue names (each verdict, pointer and path
//! asserted), the auth and policy headers the requests carry, no secret in any output or
//! recording (even when the server echoes it), and a replay that gives the same verdicts with
//! no network at all.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use serde_json::{Value, json};

const KEY: &str = "k3y-Sup3r/Secret+value";

/// A request the server received.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

fn reply(status: u16, ct: &str, body: &str) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), ct.into())],
        body: body.into(),
    }
}

type Handler = dyn Fn(&Seen) -> Reply + Send + Sync;

/// A tiny HTTP/1.1 server on 127.0.0.1 (one thread, one request per connection).
struct Server {
    port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    fn start(handler: Box<Handler>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let _ = serve(stream, &*handler, &log);
            }
        });
        Server { port, seen }
    }
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, handler: &Handler, log: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h)?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body)?;
    let seen = Seen {
        method,
        target,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    let r = handler(&seen);
    log.lock().unwrap().push(seen);
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        r.status,
        r.body.len()
    );
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.write_all(r.body.as_bytes())?;
    out.flush()
}

/// The connector: orders, paged list with a declared header, one lookup, one create without
/// a test value, an API key in a header and a setheader policy.
fn definition() -> Value {
    json!({
        "swagger": "2.0",
        "info": {"title": "Contoso Orders", "description": "Orders.", "version": "1.0"},
        "host": "api.contoso.com",
        "basePath": "/v1",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "securityDefinitions": {"api_key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}},
        "security": [{"api_key": []}],
        "paths": {
            "/orders": {
                "get": {
                    "operationId": "ListOrders",
                    "summary": "List orders",
                    "x-ms-pageable": {"nextLinkName": "nextLink"},
                    "parameters": [{"name": "status", "in": "query", "type": "string", "enum": ["open", "shipped"]}],
                    "responses": {"200": {
                        "description": "OK",
                        "headers": {"X-Request-Id": {"type": "string"}},
                        "schema": {"$ref": "#/definitions/OrderPage"}
                    }}
                },
                "post": {
                    "operationId": "CreateOrder",
                    "summary": "Create an order",
                    "parameters": [{"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/NewOrder"}}],
                    "responses": {"201": {"description": "Created", "schema": {"$ref": "#/definitions/Order"}}}
                }
            },
            "/orders/{id}": {
                "get": {
                    "operationId": "GetOrder",
                    "summary": "Get an order",
                    "parameters": [
                        {"name": "id", "in": "path", "required": true, "type": "string", "x-ms-test-value": "42"},
                        {"name": "expand", "in": "query", "required": true, "type": "string", "default": "lines"},
                        {"name": "similar", "in": "query", "type": "string", "x-ms-dynamic-values": {
                            "operationId": "ListOrders", "value-collection": "value", "value-path": "id", "value-title": "title"
                        }}
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/Order"}},
                        "404": {"description": "Not found"}
                    }
                }
            }
        },
        "definitions": {
            "Order": {"type": "object", "required": ["id", "number", "status", "createdAt"], "properties": {
                "id": {"type": "string"},
                "number": {"type": "integer", "minimum": 1},
                "status": {"type": "string", "enum": ["open", "shipped"]},
                "createdAt": {"type": "string", "format": "date-time"},
                "title": {"type": "string"}
            }},
            "NewOrder": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}},
            "OrderPage": {"type": "object", "required": ["value", "nextLink"], "properties": {
                "value": {"type": "array", "items": {"$ref": "#/definitions/Order"}},
                "nextLink": {"type": "string", "x-nullable": true}
            }}
        }
    })
}

fn properties() -> Value {
    json!({"properties": {
        "connectionParameters": {"api_key": {"type": "securestring", "uiDefinition": {"displayName": "API Key", "description": "The key", "tooltip": "The key", "constraints": {"required": "true"}}}},
        "iconBrandColor": "#007ee5",
        "capabilities": [],
        "publisher": "Contoso",
        "stackOwner": "Contoso",
        "policyTemplateInstances": [{
            "templateId": "setheader",
            "title": "Client header",
            "parameters": {
                "x-ms-apimTemplateParameter.name": "X-Client",
                "x-ms-apimTemplateParameter.value": "connkit",
                "x-ms-apimTemplateParameter.existsAction": "override",
                "x-ms-apimTemplate-policySection": "Request"
            }
        }, {
            "templateId": "setheader",
            "title": "Lookup header",
            "parameters": {
                "x-ms-apimTemplateParameter.name": "X-Lookup",
                "x-ms-apimTemplateParameter.value": "yes",
                "x-ms-apimTemplateParameter.existsAction": "override",
                "x-ms-apimTemplate-policySection": "Request",
                "x-ms-apimTemplate-operationName": ["GetOrder"]
            }
        }, {
            "templateId": "setheader",
            "title": "Key copy (a secret through a policy)",
            "parameters": {
                "x-ms-apimTemplateParameter.name": "X-Key-Copy",
                "x-ms-apimTemplateParameter.value": "@connectionParameters('api_key')",
                "x-ms-apimTemplate-policySection": "Request",
                "x-ms-apimTemplate-operationName": ["ListOrders"]
            }
        }]
    }})
}

fn connector_with(def: &Value, props: &Value) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("contoso");
    std::fs::create_dir(&c).unwrap();
    std::fs::write(
        c.join("apiDefinition.swagger.json"),
        serde_json::to_string_pretty(def).unwrap(),
    )
    .unwrap();
    std::fs::write(
        c.join("apiProperties.json"),
        serde_json::to_string_pretty(props).unwrap(),
    )
    .unwrap();
    dir
}

fn connector() -> tempfile::TempDir {
    connector_with(&definition(), &properties())
}

const ORDER: &str = r#"{"id":"42","number":7,"status":"open","createdAt":"2024-05-01T12:30:00Z","title":"Order 7"}"#;

/// An API that answers as the definition says, or drifts in one named way.
fn api(drift: &'static str) -> Server {
    Server::start(Box::new(move |r: &Seen| {
        let path = r.target.split('?').next().unwrap_or("");
        if path.ends_with("/orders") && r.method == "GET" {
            let page2 = r.target.contains("page=2");
            let body = match drift {
                "nextlink" => format!(r#"{{"value":[{ORDER}]}}"#),
                // Page 2 breaks the schema (or, for "pages-ok", conforms).
                "pages" | "pages-ok" if !page2 => {
                    format!(r#"{{"value":[{ORDER}],"nextLink":"{path}?page=2"}}"#)
                }
                "pages" => r#"{"value":[{"id":"44","number":"9","status":"open","createdAt":"2024-05-01T12:30:00Z","title":"Nine"}],"nextLink":null}"#.to_string(),
                "loop" => format!(r#"{{"value":[{ORDER}],"nextLink":"{}"}}"#, r.target),
                "elsewhere" => format!(
                    r#"{{"value":[{ORDER}],"nextLink":"http://elsewhere.invalid/orders?page=2"}}"#
                ),
                "dynamic" => format!(
                    r#"{{"value":[{ORDER},{{"id":"43","number":8,"status":"open","createdAt":"2024-05-01T12:30:00Z"}}],"nextLink":null}}"#
                ),
                _ => format!(r#"{{"value":[{ORDER}],"nextLink":null}}"#),
            };
            let mut rep = reply(200, "application/json", &body);
            if drift != "header" {
                rep.headers.push(("X-Request-Id".into(), "r-1".into()));
            }
            return rep;
        }
        if path.ends_with("/orders/42") {
            return match drift {
                "required" => reply(
                    200,
                    "application/json",
                    r#"{"id":"42","number":7,"createdAt":"2024-05-01T12:30:00Z"}"#,
                ),
                "type" => reply(
                    200,
                    "application/json",
                    r#"{"id":"42","number":"7","status":"open","createdAt":"2024-05-01T12:30:00Z"}"#,
                ),
                "enum" => reply(
                    200,
                    "application/json",
                    r#"{"id":"42","number":7,"status":"cancelled","createdAt":"2024-05-01T12:30:00Z"}"#,
                ),
                "bounds" => reply(
                    200,
                    "application/json",
                    r#"{"id":"42","number":0,"status":"open","createdAt":"2024-05-01T12:30:00Z"}"#,
                ),
                "status" => reply(418, "application/json", "{}"),
                "content-type" => reply(200, "text/html", "<html>login</html>"),
                "date-time" => reply(
                    200,
                    "application/json",
                    r#"{"id":"42","number":7,"status":"open","createdAt":"2024-05-01 12:30"}"#,
                ),
                "echo" => {
                    // A server that echoes the credential back, raw and base64-encoded.
                    let key = r.header("x-api-key").unwrap_or("").to_string();
                    let b64 = base64(key.as_bytes());
                    let mut rep = reply(
                        200,
                        "application/json",
                        &format!(
                            r#"{{"id":"42","number":7,"status":"open","createdAt":"2024-05-01T12:30:00Z","debug":"{}","b":"{b64}"}}"#,
                            key.replace('\\', "\\\\").replace('"', "\\\"")
                        ),
                    );
                    rep.headers.push(("X-Echo-Key".into(), key));
                    rep
                }
                _ => reply(200, "application/json; charset=utf-8", ORDER),
            };
        }
        reply(404, "application/json", "{}")
    }))
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            out.push(if i <= c.len() {
                T[((n >> (18 - 6 * i)) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }
}

fn connkit(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CONTOSO_KEY", KEY)
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn test_run(dir: &Path, base: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "test",
        "contoso",
        "--base-url",
        base,
        "--connection",
        "api_key=@env:CONTOSO_KEY",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    connkit(dir, &args)
}

fn operation<'v>(doc: &'v Value, id: &str) -> &'v Value {
    doc["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["operationId"] == id)
        .unwrap_or_else(|| panic!("no {id} in {doc}"))
}

/// No form of the key in a text: raw, percent-encoded, JSON-escaped, base64.
fn assert_no_secret(what: &str, text: &str) {
    let b64 = base64(KEY.as_bytes());
    for form in [
        KEY,
        "k3y-Sup3r%2FSecret%2Bvalue",
        "k3y-Sup3r\\/Secret+value",
        b64.trim_end_matches('='),
    ] {
        assert!(
            !text.contains(form),
            "{what} holds the secret as {form}:\n{text}"
        );
    }
}

#[test]
fn a_conforming_api_passes_and_requests_carry_auth_policy_and_base_path() {
    let server = api("none");
    let dir = connector();
    let base = format!("{}/staging/v1", server.url());
    let r = test_run(dir.path(), &base, &[]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let doc = r.json();
    assert_eq!(operation(&doc, "ListOrders")["status"], "passed", "{doc}");
    assert_eq!(operation(&doc, "GetOrder")["status"], "passed", "{doc}");
    let create = operation(&doc, "CreateOrder");
    assert_eq!(create["status"], "skipped");
    assert!(
        create["note"].as_str().unwrap().contains("body.sku"),
        "{create}"
    );
    assert_eq!(create["requests"], json!([]));
    assert_eq!(
        doc["summary"],
        json!({"passed": 2, "failed": 0, "skipped": 1})
    );
    let get = operation(&doc, "GetOrder");
    assert_eq!(get["requests"][0]["method"], "GET");
    assert_eq!(get["requests"][0]["status"], 200);
    let seen = server.seen();
    assert_eq!(
        seen.len(),
        2,
        "no request for the skipped operation: {seen:?}"
    );
    // basePath replaced, not appended; a required query parameter takes its default.
    let s = seen
        .iter()
        .find(|s| s.target.contains("/orders/42"))
        .unwrap();
    assert_eq!(s.target, "/staging/v1/orders/42?expand=lines");
    for s in &seen {
        assert_eq!(s.header("x-api-key"), Some(KEY), "{s:?}");
        assert_eq!(
            s.header("x-client"),
            Some("connkit"),
            "the setheader policy: {s:?}"
        );
    }
    // A policy limited by x-ms-apimTemplate-operationName reaches only those operations.
    for s in &seen {
        let lookup = s.target.contains("/orders/42");
        assert_eq!(s.header("x-lookup").is_some(), lookup, "{s:?}");
    }
    // A policy reading a connection parameter.
    let list = seen
        .iter()
        .find(|s| s.target == "/staging/v1/orders")
        .unwrap();
    assert_eq!(list.header("x-key-copy"), Some(KEY));
    // An optional parameter without a test value is left out.
    assert!(
        seen.iter().any(|s| s.target == "/staging/v1/orders"),
        "{seen:?}"
    );
    assert_no_secret("stdout", &r.stdout);
    assert_no_secret("stderr", &r.stderr);
}

/// (drift, operation, code, pointer, path)
const DRIFTS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "required",
        "GetOrder",
        "TestRequiredPropertyMissing",
        "/definitions/Order/properties/status",
        "$.status",
    ),
    (
        "type",
        "GetOrder",
        "TestTypeMismatch",
        "/definitions/Order/properties/number",
        "$.number",
    ),
    (
        "enum",
        "GetOrder",
        "TestEnumValueNotAllowed",
        "/definitions/Order/properties/status",
        "$.status",
    ),
    (
        "bounds",
        "GetOrder",
        "TestValueOutOfBounds",
        "/definitions/Order/properties/number/minimum",
        "$.number",
    ),
    (
        "status",
        "GetOrder",
        "TestStatusUndeclared",
        "/paths/~1orders~1{id}/get/responses",
        "$",
    ),
    (
        "content-type",
        "GetOrder",
        "TestContentTypeUndeclared",
        "/produces",
        "$",
    ),
    (
        "header",
        "ListOrders",
        "TestHeaderMissing",
        "/paths/~1orders/get/responses/200/headers/X-Request-Id",
        "$",
    ),
    (
        "date-time",
        "GetOrder",
        "TestFormatInvalid",
        "/definitions/Order/properties/createdAt",
        "$.createdAt",
    ),
    (
        "nextlink",
        "ListOrders",
        "TestNextLinkMissing",
        "/definitions/OrderPage/properties/nextLink",
        "$.nextLink",
    ),
    (
        "pages",
        "ListOrders",
        "TestTypeMismatch",
        "/definitions/Order/properties/number",
        "$.value[0].number",
    ),
    (
        "loop",
        "ListOrders",
        "TestNextLinkRepeats",
        "/paths/~1orders/get/x-ms-pageable",
        "$.nextLink",
    ),
    (
        "dynamic",
        "ListOrders",
        "TestDynamicValuesPathMissing",
        "/paths/~1orders~1{id}/get/parameters/2/x-ms-dynamic-values/value-title",
        "$.value[1]",
    ),
];

#[test]
fn each_drift_fails_its_operation_with_its_code_pointer_and_path() {
    let dir = connector();
    for &(drift, op, code, pointer, path) in DRIFTS {
        let server = api(drift);
        let r = test_run(dir.path(), &server.url(), &["--operation", op]);
        assert_eq!(r.code, 1, "{drift}: {}\n{}", r.stdout, r.stderr);
        let doc = r.json();
        assert_eq!(
            doc["operations"].as_array().unwrap().len(),
            1,
            "{drift}: only the selected operation"
        );
        let o = operation(&doc, op);
        assert_eq!(o["status"], "failed", "{drift}: {o}");
        let problems = o["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{drift}: exactly one problem: {o}");
        assert_eq!(problems[0]["code"], code, "{drift}: {o}");
        assert_eq!(problems[0]["pointer"], pointer, "{drift}: {o}");
        assert_eq!(problems[0]["path"], path, "{drift}: {o}");
        assert!(!problems[0]["message"].as_str().unwrap().is_empty());
        assert_eq!(
            doc["summary"],
            json!({"passed": 0, "failed": 1, "skipped": 0})
        );
        // Every code printed is one `connkit explain` knows.
        assert_eq!(connkit(dir.path(), &["explain", code]).code, 0, "{code}");
    }
}

#[test]
fn next_links_are_followed_on_the_operations_host_with_its_credentials_only() {
    let dir = connector();
    // Two pages, both conforming: both fetched, the second with the same key.
    let server = api("pages-ok");
    let r = test_run(dir.path(), &server.url(), &["--operation", "ListOrders"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let o = operation(&r.json(), "ListOrders").clone();
    assert_eq!(o["requests"].as_array().unwrap().len(), 2, "{o}");
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert!(
        seen[1].target.ends_with("/orders?page=2"),
        "{}",
        seen[1].target
    );
    assert_eq!(seen[1].header("x-api-key"), Some(KEY));
    // Recorded, the second page replays offline too, with the same verdicts.
    let har_dir = dir.path().join("pages");
    let live = test_run(
        dir.path(),
        &server.url(),
        &[
            "--operation",
            "ListOrders",
            "--record",
            har_dir.to_str().unwrap(),
        ],
    );
    let replay = connkit(
        dir.path(),
        &[
            "test",
            "contoso",
            "--base-url",
            "http://127.0.0.1:9",
            "--operation",
            "ListOrders",
            "--replay",
            har_dir.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(replay.code, 0, "{}\n{}", replay.stdout, replay.stderr);
    let (a, b) = (live.json(), replay.json());
    let (a, b) = (operation(&a, "ListOrders"), operation(&b, "ListOrders"));
    assert_eq!(b["requests"].as_array().unwrap().len(), 2, "{b}");
    assert_eq!(a["status"], b["status"]);
    // A next page on another host is not fetched: a note says so, nothing is sent there.
    let server = api("elsewhere");
    let r = test_run(dir.path(), &server.url(), &["--operation", "ListOrders"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let o = operation(&r.json(), "ListOrders").clone();
    assert_eq!(o["requests"].as_array().unwrap().len(), 1, "{o}");
    assert!(o["note"].as_str().unwrap().contains("another host"), "{o}");
    assert_no_secret("stdout", &r.stdout);
}

#[test]
fn recordings_hold_no_secret_and_replay_gives_the_same_verdicts_offline() {
    let dir = connector();
    let har_dir = dir.path().join("evidence");
    let har = har_dir.to_str().unwrap();
    let server = api("echo");
    let recorded = test_run(dir.path(), &server.url(), &["--record", har]);
    assert_eq!(recorded.code, 0, "{}\n{}", recorded.stdout, recorded.stderr);
    assert_eq!(server.seen()[0].header("x-api-key"), Some(KEY));
    let text = std::fs::read_to_string(har_dir.join("connkit-test.har")).unwrap();
    assert_no_secret("the HAR", &text);
    assert_no_secret("stdout", &recorded.stdout);
    assert_no_secret("stderr", &recorded.stderr);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["log"]["version"], "1.2");
    assert_eq!(doc["log"]["entries"].as_array().unwrap().len(), 2);
    // Only the recording is written into the folder.
    let names: Vec<_> = std::fs::read_dir(&har_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["connkit-test.har"]);

    // A drifting API, recorded; then replayed against a port where nothing listens.
    let drifting = api("type");
    let drift_dir = dir.path().join("drift");
    let live = test_run(
        dir.path(),
        &drifting.url(),
        &["--record", drift_dir.to_str().unwrap()],
    );
    assert_eq!(live.code, 1, "{}", live.stderr);
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let nowhere = format!("http://127.0.0.1:{closed}");
    // Without a secret: CI replays without credentials.
    let replay = connkit(
        dir.path(),
        &[
            "test",
            "contoso",
            "--base-url",
            &nowhere,
            "--replay",
            drift_dir.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(
        replay.code, live.code,
        "{}\n{}",
        replay.stdout, replay.stderr
    );
    let (a, b) = (live.json(), replay.json());
    for o in a["operations"].as_array().unwrap() {
        let id = o["operationId"].as_str().unwrap();
        let r = operation(&b, id);
        assert_eq!(o["status"], r["status"], "{id}");
        assert_eq!(o["problems"], r["problems"], "{id}");
    }
    assert_eq!(a["summary"], b["summary"]);
    // A recording answers only the request it recorded: another path is not replayed.
    let elsewhere = format!("{nowhere}/other");
    let moved = connkit(
        dir.path(),
        &[
            "test",
            "contoso",
            "--base-url",
            &elsewhere,
            "--replay",
            drift_dir.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(moved.code, 0, "{}", moved.stderr);
    let get = operation(&moved.json(), "GetOrder").clone();
    assert_eq!(get["status"], "skipped");
    assert!(
        get["note"].as_str().unwrap().contains("record again"),
        "{get}"
    );
    // And without --replay, that port answers nothing: exit 2.
    let down = test_run(dir.path(), &nowhere, &[]);
    assert_eq!(down.code, 2, "{}\n{}", down.stdout, down.stderr);
}

#[test]
fn basic_and_oauth2_credentials_come_from_env_or_stdin() {
    let server = api("none");
    let mut def = definition();
    def["securityDefinitions"] = json!({"basic": {"type": "basic"}});
    def["security"] = json!([{"basic": []}]);
    let dir = connector_with(&def, &properties());
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args([
            "test",
            "contoso",
            "--base-url",
            &server.url(),
            "--operation",
            "GetOrder",
            "--connection",
            "username=ann",
            "--connection",
            "password=@stdin",
        ])
        .write_stdin("pa55-w0rd-secret\n")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen = server.seen();
    assert_eq!(
        seen[0].header("authorization"),
        Some(format!("Basic {}", base64(b"ann:pa55-w0rd-secret")).as_str())
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("pa55-w0rd-secret"), "{all}");

    let server = api("none");
    def["securityDefinitions"] = json!({"oauth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://login.contoso.com/a", "tokenUrl": "https://login.contoso.com/t", "scopes": {}}});
    def["security"] = json!([{"oauth": []}]);
    let dir = connector_with(&def, &properties());
    let r = connkit(
        dir.path(),
        &[
            "test",
            "contoso",
            "--base-url",
            &server.url(),
            "--operation",
            "GetOrder",
            "--connection",
            "token=@env:CONTOSO_KEY",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // `--connection token` alone reads CONNKIT_CONNECTION_TOKEN, as `connkit request` does.
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .current_dir(dir.path())
        .env("CONNKIT_CONNECTION_TOKEN", "tok-from-env-1")
        .args([
            "test",
            "contoso",
            "--base-url",
            &server.url(),
            "--operation",
            "GetOrder",
            "--connection",
            "token",
        ])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("tok-from-env-1"));
    assert_eq!(
        server.seen()[0].header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(
        server.seen()[1].header("authorization"),
        Some("Bearer tok-from-env-1")
    );
    assert_no_secret("stdout", &r.stdout);
}

#[test]
fn a_plan_gives_inputs_and_expectations_in_json_or_yaml() {
    let server = api("none");
    let dir = connector();
    std::fs::write(
        dir.path().join("plan.yaml"),
        "operations:\n  GetOrder:\n    - params: {id: '42'}\n      expect: {status: 404}\n  CreateOrder:\n    - body: {sku: S-1}\n      expect: {status: 201}\n",
    )
    .unwrap();
    let r = test_run(dir.path(), &server.url(), &["--plan", "plan.yaml"]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let doc = r.json();
    let get = operation(&doc, "GetOrder");
    assert_eq!(get["problems"][0]["code"], "TestStatusNotExpected", "{get}");
    assert!(
        get["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("404")
    );
    // The plan's body is sent as is; the server's 404 is an undeclared status for CreateOrder.
    let sent = server
        .seen()
        .into_iter()
        .find(|s| s.method == "POST")
        .expect("CreateOrder sent");
    assert_eq!(
        serde_json::from_str::<Value>(&sent.body).unwrap(),
        json!({"sku": "S-1"})
    );
    assert_eq!(sent.header("content-type"), Some("application/json"));
    // A plan that names an unknown operation is a usage error.
    std::fs::write(
        dir.path().join("bad.json"),
        r#"{"operations": {"Nope": [{}]}}"#,
    )
    .unwrap();
    assert_eq!(
        test_run(dir.path(), &server.url(), &["--plan", "bad.json"]).code,
        2
    );
}

#[test]
fn redirects_to_other_hosts_are_not_followed_and_usage_errors_exit_2() {
    let elsewhere = api("none");
    let target = format!("{}/v1/orders/42", elsewhere.url());
    let server = Server::start(Box::new(move |_r: &Seen| Reply {
        status: 302,
        headers: vec![("Location".into(), target.clone())],
        body: String::new(),
    }));
    let dir = connector();
    let r = test_run(dir.path(), &server.url(), &["--operation", "GetOrder"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        operation(&r.json(), "GetOrder")["problems"][0]["code"],
        "TestStatusUndeclared"
    );
    assert!(
        elsewhere.seen().is_empty(),
        "the redirect was followed: {:?}",
        elsewhere.seen()
    );

    for args in [
        &[
            "test",
            "contoso",
            "--base-url",
            "http://127.0.0.1:9",
            "--format",
            "nope",
        ][..],
        &["test", "contoso", "--base-url", "http://example.com"],
        &[
            "test",
            "contoso",
            "--base-url",
            "http://127.0.0.1:9",
            "--operation",
            "Nope",
        ],
        &[
            "test",
            "contoso",
            "--base-url",
            "http://127.0.0.1:9",
            "--record",
            "a",
            "--replay",
            "b",
        ],
        &[
            "test",
            "contoso",
            "--base-url",
            "http://127.0.0.1:9",
            "--connection",
            "api_key=@env:NOT_SET_ANYWHERE",
        ],
    ] {
        let r = connkit(dir.path(), args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    }
}

#[test]
fn text_junit_and_markdown_name_each_operation() {
    let server = api("type");
    let dir = connector();
    let text = connkit(
        dir.path(),
        &[
            "test",
            "contoso",
            "--base-url",
            &server.url(),
            "--connection",
            "api_key=@env:CONTOSO_KEY",
        ],
    );
    assert_eq!(text.code, 1);
    assert!(
        text.stdout.contains("FAIL  GetOrder") && text.stdout.contains("PASS  ListOrders"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("TestTypeMismatch  $.number  /definitions/Order/properties/number"),
        "{}",
        text.stdout
    );
    let junit = connkit(
        dir.path(),
        &[
            "test",
            "contoso",
            "--base-url",
            &server.url(),
            "--format",
            "junit",
        ],
    );
    assert_eq!(
        junit.stdout.matches("<testcase ").count(),
        3,
        "{}",
        junit.stdout
    );
    assert!(
        junit.stdout.contains("<failure") && junit.stdout.contains("<skipped"),
        "{}",
        junit.stdout
    );
    let md = connkit(
        dir.path(),
        &[
            "test",
            "contoso",
            "--base-url",
            &server.url(),
            "--format",
            "markdown",
        ],
    );
    assert!(
        md.stdout.contains("| `GetOrder` | ❌ failed"),
        "{}",
        md.stdout
    );
}

#[test]
fn custom_code_operations_are_sent_and_marked_script_not_run() {
    let server = api("none");
    let mut props = properties();
    props["properties"]["scriptOperations"] = json!(["GetOrder"]);
    let dir = connector_with(&definition(), &props);
    std::fs::write(
        dir.path().join("contoso/script.csx"),
        "public class Script : ScriptBase {}\n",
    )
    .unwrap();
    let r = test_run(dir.path(), &server.url(), &[]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let doc = r.json();
    let get = operation(&doc, "GetOrder");
    assert_eq!(get["status"], "passed");
    assert!(
        get["note"].as_str().unwrap().contains("script not run"),
        "{get}"
    );
    assert!(operation(&doc, "ListOrders")["note"].is_null());
}

#[test]
fn hostile_responses_stay_data_and_huge_bodies_are_capped() {
    let dir = connector();
    // Values that would be CI commands or new lines if printed raw.
    let server = Server::start(Box::new(|r: &Seen| {
        if r.target.contains("/orders/42") {
            reply(
                200,
                "application/json",
                r#"{"id":"42","number":"::error::pwned\n##vso[task.setvariable variable=x]1\u001b[2J","status":"open","createdAt":"2024-05-01T12:30:00Z"}"#,
            )
        } else {
            // Over the 4 MiB cap.
            let mut rep = reply(
                200,
                "application/json",
                &format!("{{\"value\":[\"{}\"]}}", "x".repeat(5 * 1024 * 1024)),
            );
            rep.headers.push(("X-Request-Id".into(), "r".into()));
            rep
        }
    }));
    for format in ["text", "json", "junit", "markdown"] {
        let r = connkit(
            dir.path(),
            &[
                "test",
                "contoso",
                "--base-url",
                &server.url(),
                "--format",
                format,
            ],
        );
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(!r.stdout.contains("##vso["), "{format}: {}", r.stdout);
        assert!(!r.stdout.contains('\u{1b}'), "{format}: {}", r.stdout);
        assert!(
            !r.stdout.lines().any(|l| l.trim_start().starts_with("::")),
            "{format}: {}",
            r.stdout
        );
    }
    let doc = test_run(dir.path(), &server.url(), &[]).json();
    assert_eq!(
        operation(&doc, "GetOrder")["problems"][0]["code"],
        "TestTypeMismatch"
    );
    assert_eq!(
        operation(&doc, "ListOrders")["problems"][0]["code"],
        "TestResponseTooLarge"
    );
}

/// Compare with `tests/golden/NAME` (`CONNKIT_BLESS=1` rewrites it), the server's port
/// replaced by `<PORT>`.
fn golden(name: &str, actual: &str, port: u16) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    let normalized = actual.replace(&format!("127.0.0.1:{port}"), "127.0.0.1:<PORT>");
    if std::env::var_os("CONNKIT_BLESS").is_some() {
        std::fs::write(&path, &normalized).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with CONNKIT_BLESS=1)", path.display()));
    assert_eq!(
        expected, normalized,
        "{name} differs from its golden file (CONNKIT_BLESS=1 to accept)"
    );
}

#[test]
fn rendered_reports_match_their_golden_files() {
    let server = api("enum");
    let dir = connector();
    for (format, file) in [
        ("text", "test-report.txt"),
        ("json", "test-report.json"),
        ("junit", "test-report.xml"),
        ("markdown", "test-report.md"),
    ] {
        let r = connkit(
            dir.path(),
            &[
                "test",
                "contoso",
                "--base-url",
                &server.url(),
                "--connection",
                "api_key=@env:CONTOSO_KEY",
                "--format",
                format,
            ],
        );
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        golden(file, &r.stdout, server.port);
    }
}
