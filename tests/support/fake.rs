//! An in-process fake of the Entra token endpoints, the Partner Center Ingestion API v1.0 and
//! an Azure blob (SAS PUT/HEAD), bound to 127.0.0.1 only, with scripted faults. Every request
//! is recorded. Hand-written over std::net (one request per connection, `Connection: close`).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

pub const TENANT: &str = "tenant-123";
pub const CLIENT_ID: &str = "client-abc";
pub const SECRET: &str = "s3cr3t~Value+with/odd=chars";
pub const SAS_SIG: &str = "FAKESIGx7Qz9sig";
pub const PRODUCT: &str = "prod-1";
pub const PACKAGE_TYPE: &str = "FakeConnectorPackage";
pub const INSTANCE: &str = "inst-main";
pub const CONFIG_ID: &str = "cfg-1";

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path without the query.
    pub path: String,
    pub query: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The status the fake answered (0 when it never answered).
    pub status: u16,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    pub fn line(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// Scripted behaviour.
#[derive(Debug, Clone)]
pub struct Knobs {
    pub token_expires_in: u64,
    /// Answer 401 once to the first request whose path contains this.
    pub unauthorized_once_on: Option<String>,
    /// Answer 429 once (with this Retry-After) to the first request whose path contains this.
    pub rate_limit_on: Option<(String, String)>,
    /// Answer 503 this many times to requests whose method+path contains this.
    pub unavailable_on: Option<(String, usize)>,
    /// POST /packages answers 409 without creating.
    pub conflict_on_package_create: bool,
    /// POST /packages creates the package, then answers 503 (the answer is "lost").
    pub lose_package_create_answer: bool,
    /// PUT packageconfigurations answers 412 this many times (the etag moves each time).
    pub stale_config_puts: usize,
    /// GETs of the package answered InProcessing before the final state.
    pub processing_polls: usize,
    pub process_fails: bool,
    pub certification_fails: bool,
    /// An InProgress submission exists before the run.
    pub in_progress_submission: bool,
    /// Stop answering (accept, read, never reply) from this request number on (1-based).
    pub hang_from: Option<usize>,
    /// GET /submissions answers one item per page with a relative `nextLink`.
    pub paged_submissions: bool,
    /// Answer 400 once, to the first request whose path contains this, with a body that
    /// echoes the client secret, the request's bearer token and form body, the SAS signature
    /// and terminal/CI-log control text (JSON, or a storage XML error for blob paths).
    pub echo_secrets_on: Option<String>,
    /// Answer 200 with a body that never ends to requests whose path contains this (the
    /// server stops after 512 MiB; `State::huge_written` counts what the client accepted).
    pub huge_body_on: Option<String>,
    /// A product that never had a package: the configuration has no packageReferences.
    pub first_submission: bool,
    /// The token endpoints answer 400 with [`HOSTILE_TOKEN_ERROR`] as the `error` code and
    /// [`HOSTILE`] as the description.
    pub hostile_token_error: bool,
}

impl Default for Knobs {
    fn default() -> Self {
        Knobs {
            token_expires_in: 3600,
            unauthorized_once_on: None,
            rate_limit_on: None,
            unavailable_on: None,
            conflict_on_package_create: false,
            lose_package_create_answer: false,
            stale_config_puts: 0,
            processing_polls: 1,
            process_fails: false,
            certification_fails: false,
            in_progress_submission: false,
            hang_from: None,
            paged_submissions: false,
            echo_secrets_on: None,
            huge_body_on: None,
            first_submission: false,
            hostile_token_error: false,
        }
    }
}

pub const WORKFLOW: [&str; 4] = [
    "Automated validation",
    "Preview Creation",
    "Certification",
    "Publish",
];

#[derive(Default)]
pub struct State {
    pub knobs: Knobs,
    pub requests: Vec<Recorded>,
    /// Issued tokens and their server-side expiry.
    pub tokens: Vec<(String, Instant)>,
    /// 401s answered because a token was expired or unknown.
    pub rejected_tokens: usize,
    pub packages: Vec<Value>,
    package_gets: usize,
    pub config: Value,
    config_etag: u32,
    pub submissions: Vec<Value>,
    /// Workflow progress of the newest submission (steps completed).
    progress: usize,
    pub blob: Option<Vec<u8>>,
    pub blob_headers: Vec<(String, String)>,
    pub promoted: bool,
    /// Bytes of the endless body written before the client stopped reading.
    pub huge_written: usize,
    echoed: bool,
    port: u16,
    /// Requests whose body did not have the published shape (each answered 400).
    pub shape_errors: Vec<String>,
}

pub struct Fake {
    pub addr: SocketAddr,
    pub state: Arc<Mutex<State>>,
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn reply(status: u16, v: Value) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: v.to_string().into_bytes(),
    }
}

fn empty(status: u16) -> Reply {
    Reply {
        status,
        headers: vec![],
        body: vec![],
    }
}

fn reason(s: u16) -> &'static str {
    match s {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        409 => "Conflict",
        412 => "Precondition Failed",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

fn form(body: &[u8]) -> Vec<(String, String)> {
    let s = String::from_utf8_lossy(body);
    s.split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), decode(v)))
        .collect()
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 3 <= b.len()
            && let Ok(x) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(x);
            i += 3;
            continue;
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Fake {
    pub fn start(knobs: Knobs) -> Fake {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let config = if knobs.first_submission {
            // No package was ever uploaded: the configuration references none.
            json!({"resourceType": "FakePackageConfiguration", "id": CONFIG_ID,
                "packageLocationUri": "keep-me"})
        } else {
            json!({
                "resourceType": "FakePackageConfiguration", "id": CONFIG_ID,
                "packageReferences": [{"type": PACKAGE_TYPE, "value": "pkg-old"}],
                "packageLocationUri": "keep-me"
            })
        };
        let mut st = State {
            knobs: knobs.clone(),
            port: addr.port(),
            config,
            config_etag: 1,
            ..State::default()
        };
        st.submissions
            .push(json!({"resourceType": "Submission", "id": "sub-old",
            "state": "Published", "substate": "InStore"}));
        if knobs.in_progress_submission {
            st.submissions
                .push(json!({"resourceType": "Submission", "id": "sub-busy",
                "state": "InProgress", "substate": "Submitted"}));
        }
        let state = Arc::new(Mutex::new(st));
        let s2 = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let s3 = s2.clone();
                std::thread::spawn(move || handle(stream, s3));
            }
        });
        Fake { addr, state }
    }

    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn api(&self) -> String {
        format!("{}/v1.0/ingestion", self.base())
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }

    /// "METHOD /path" of every request, token calls included.
    pub fn lines(&self) -> Vec<String> {
        self.requests().iter().map(Recorded::line).collect()
    }

    pub fn issued_tokens(&self) -> Vec<String> {
        self.state
            .lock()
            .unwrap()
            .tokens
            .iter()
            .map(|(t, _)| t.clone())
            .collect()
    }

    pub fn count(&self, method: &str, path_contains: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| r.method == method && r.path.contains(path_contains))
            .count()
    }
}

fn read_request(stream: &mut TcpStream) -> Option<Recorded> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).ok()?;
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target, String::new()),
    };
    Some(Recorded {
        method,
        path,
        query,
        headers,
        body,
        status: 0,
    })
}

fn handle(mut stream: TcpStream, state: Arc<Mutex<State>>) {
    let Some(mut req) = read_request(&mut stream) else {
        return;
    };
    let (n, hang) = {
        let mut st = state.lock().unwrap();
        st.requests.push(req.clone());
        let n = st.requests.len();
        (n, st.knobs.hang_from.is_some_and(|h| n >= h))
    };
    if hang {
        // Hold the connection open without answering.
        std::thread::sleep(Duration::from_secs(30));
        return;
    }
    let huge = {
        let st = state.lock().unwrap();
        st.knobs
            .huge_body_on
            .as_ref()
            .is_some_and(|p| req.path.contains(p.as_str()))
    };
    if huge {
        endless_body(&mut stream, &state);
        return;
    }
    let r = {
        let mut st = state.lock().unwrap();
        let echo = !st.echoed
            && st
                .knobs
                .echo_secrets_on
                .as_ref()
                .is_some_and(|p| req.path.contains(p.as_str()));
        let r = if echo {
            st.echoed = true;
            echo_reply(&req)
        } else {
            route(&mut st, &req)
        };
        req.status = r.status;
        if let Some(rec) = st.requests.get_mut(n - 1) {
            rec.status = r.status;
        }
        r
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nConnection: close\r\n",
        r.status,
        reason(r.status)
    );
    let is_head = req.method == "HEAD";
    let has_len = r
        .headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"));
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !has_len {
        head.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    if !is_head {
        let _ = stream.write_all(&r.body);
    }
    let _ = stream.flush();
}

/// Hostile text a server might send back: terminal escapes (OSC title, CSI clear, 8-bit CSI,
/// BEL), an Azure logging command and, after a newline, a GitHub workflow command; then lines
/// that would pass for connkit's own ([`FORGED`]) after `\n`, `\r`, `\r\n`, U+2028 and U+2029.
pub const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m ##vso[task.setvariable variable=LEAK]1\n::error::PWNED\
     \nFORGED: a\rFORGED: b\r\nFORGED: c\u{2028}FORGED: d\u{2029}FORGED: e\n##vso[task.complete result=Succeeded]done";

/// The start of every line [`HOSTILE`] tries to forge: no output line may start with it.
pub const FORGED: &str = "FORGED";

/// An OAuth `error` code as a hostile token endpoint may send it (connkit prints the code).
pub const HOSTILE_TOKEN_ERROR: &str =
    "invalid_client\nFORGED: verify-package found no problem\r::error::x\u{2028}FORGED: y";

fn echo_reply(req: &Recorded) -> Reply {
    let auth = req.header("authorization").unwrap_or("").to_string();
    let form_body = String::from_utf8_lossy(&req.body).into_owned();
    if req.path.starts_with("/blob/") {
        // The blob knows only the SAS URL (connkit knows it too, so even a bare value counts).
        let echo = format!("echo sas=sig={SAS_SIG} bare={SAS_SIG} {HOSTILE}");
        return Reply {
            status: 400,
            headers: vec![("Content-Type".into(), "application/xml".into())],
            body: format!("<?xml version=\"1.0\"?><Error><Code>{echo}</Code></Error>").into_bytes(),
        };
    }
    // The API and token endpoints echo the credentials they were sent (and a SAS signature
    // in `sig=` form: a bare signature connkit never saw cannot be recognised).
    let echo =
        format!("echo secret={SECRET} auth={auth} form={form_body} sas=sig={SAS_SIG} {HOSTILE}");
    reply(
        400,
        json!({"error": "invalid_request", "error_description": echo, "message": echo}),
    )
}

/// Headers announcing 1 GiB, then 64 KiB chunks until the client hangs up (or 512 MiB).
fn endless_body(stream: &mut TcpStream, state: &Arc<Mutex<State>>) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let head = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n";
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let chunk = vec![b' '; 64 * 1024];
    let mut written = 0;
    while written < 512 * 1024 * 1024 {
        if stream.write_all(&chunk).is_err() {
            break;
        }
        written += chunk.len();
        state.lock().unwrap().huge_written = written;
    }
}

fn now_epoch() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn issue_token(st: &mut State, v2: bool) -> Reply {
    let n = st.tokens.len() + 1;
    let token = format!("AT-{n}-{}", fastrand::u64(..));
    let life = st.knobs.token_expires_in;
    st.tokens
        .push((token.clone(), Instant::now() + Duration::from_secs(life)));
    if v2 {
        reply(
            200,
            json!({"token_type": "Bearer", "expires_in": life, "ext_expires_in": life, "access_token": token}),
        )
    } else {
        reply(
            200,
            json!({"token_type": "Bearer", "expires_in": life.to_string(), "ext_expires_in": life.to_string(),
            "expires_on": (now_epoch() + life).to_string(), "not_before": now_epoch().to_string(),
            "resource": "https://api.partner.microsoft.com", "access_token": token}),
        )
    }
}

fn token_endpoint(st: &mut State, req: &Recorded, v2: bool) -> Reply {
    if st.knobs.hostile_token_error {
        return reply(
            400,
            json!({"error": HOSTILE_TOKEN_ERROR, "error_description": format!("AADSTS7000215: {HOSTILE}")}),
        );
    }
    let f = form(&req.body);
    let get = |k: &str| {
        f.iter()
            .find(|(a, _)| a == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    if get("grant_type") != "client_credentials" || get("client_id") != CLIENT_ID {
        return reply(
            400,
            json!({"error": "invalid_request", "error_description": "AADSTS900144: bad request"}),
        );
    }
    let audience_ok = if v2 {
        get("scope") == "https://api.partner.microsoft.com/.default"
    } else {
        get("resource") == "https://api.partner.microsoft.com"
    };
    if !audience_ok {
        return reply(
            400,
            json!({"error": "invalid_resource", "error_description": "AADSTS500011: resource"}),
        );
    }
    if get("client_secret") != SECRET {
        return reply(
            401,
            json!({"error": "invalid_client",
                "error_description": "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1\r\nCorrelation ID: 2",
                "error_codes": [7000215]}),
        );
    }
    issue_token(st, v2)
}

fn authorized(st: &mut State, req: &Recorded) -> bool {
    let Some(h) = req.header("authorization") else {
        return false;
    };
    let Some(tok) = h.strip_prefix("Bearer ") else {
        return false;
    };
    let now = Instant::now();
    st.tokens.iter().any(|(t, exp)| t == tok && *exp > now)
}

fn package_etag(p: &Value) -> String {
    p["@odata.etag"].as_str().unwrap_or("").to_string()
}

/// Whether a request body has the shape the Ingestion API v1.0 documents (the shared
/// submission notes, B.1 and B.2: package create `{resourceType, fileName}`, package update
/// with `state`, package configuration with `packageReferences: [{type, value}]`, submission
/// create `SubmissionCreationRequest` with `targets` and `resources`). `None` when it has.
pub fn shape_problem(method: &str, rest: &str, body: &Value) -> Option<String> {
    let s = |v: &Value| v.as_str().is_some_and(|x| !x.is_empty());
    let pairs = |v: &Value| {
        v.as_array()
            .is_some_and(|a| a.iter().all(|i| s(&i["type"]) && s(&i["value"])))
    };
    match (method, rest) {
        ("POST", "/packages") => (!s(&body["resourceType"]) || !s(&body["fileName"]))
            .then(|| "package create needs resourceType and fileName".to_string()),
        ("PUT", r) if r.starts_with("/packages/") => (!s(&body["resourceType"])
            || !s(&body["id"])
            || !s(&body["state"]))
        .then(|| "package update needs the package (resourceType, id) with state".to_string()),
        ("PUT", r) if r.starts_with("/packageconfigurations/") => (!s(&body["resourceType"])
            || !s(&body["id"])
            || !pairs(&body["packageReferences"]))
        .then(|| {
            "package configuration update needs resourceType, id and packageReferences [{type, value}]"
                .to_string()
        }),
        ("POST", "/submissions") => {
            let targets_ok = pairs(&body["targets"])
                && body["targets"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|t| t["type"] == "Scope"));
            let resources_ok = pairs(&body["resources"])
                && body["resources"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|t| t["type"] == "Package"));
            (body["resourceType"] != "SubmissionCreationRequest" || !targets_ok || !resources_ok)
                .then(|| {
                    "submission create needs resourceType SubmissionCreationRequest, targets [{type: Scope, value}] and resources [{type: Package, value}]".to_string()
                })
        }
        _ => None,
    }
}

fn route(st: &mut State, req: &Recorded) -> Reply {
    let path = req.path.clone();
    let m = req.method.as_str();
    // Token endpoints.
    if m == "POST" && path == format!("/{TENANT}/oauth2/token") {
        return token_endpoint(st, req, false);
    }
    if m == "POST" && path == format!("/{TENANT}/oauth2/v2.0/token") {
        return token_endpoint(st, req, true);
    }
    // Blob.
    if let Some(_blob) = path.strip_prefix("/blob/") {
        if req.header("authorization").is_some() {
            return reply(
                400,
                json!({"error": "Authorization header sent to a SAS URL"}),
            );
        }
        if !req.query.contains(&format!("sig={SAS_SIG}")) {
            return empty(403);
        }
        return match m {
            "PUT" => {
                if req.header("x-ms-blob-type") != Some("BlockBlob") {
                    return empty(400);
                }
                st.blob = Some(req.body.clone());
                st.blob_headers = req.headers.clone();
                empty(201)
            }
            "HEAD" => match &st.blob {
                Some(b) => Reply {
                    status: 200,
                    headers: vec![("Content-Length".into(), b.len().to_string())],
                    body: vec![],
                },
                None => empty(404),
            },
            _ => empty(405),
        };
    }
    let Some(rest) = path.strip_prefix(&format!("/v1.0/ingestion/products/{PRODUCT}")) else {
        return reply(404, json!({"message": "no such route"}));
    };
    // Faults.
    if let Some(p) = st.knobs.unauthorized_once_on.clone()
        && path.contains(&p)
    {
        st.knobs.unauthorized_once_on = None;
        return reply(401, json!({"message": "token rejected (scripted)"}));
    }
    if !authorized(st, req) {
        st.rejected_tokens += 1;
        return reply(401, json!({"message": "expired or unknown token"}));
    }
    if let Some((p, after)) = st.knobs.rate_limit_on.clone()
        && path.contains(&p)
    {
        st.knobs.rate_limit_on = None;
        return Reply {
            status: 429,
            headers: vec![("Retry-After".into(), after)],
            body: b"{\"message\":\"slow down\"}".to_vec(),
        };
    }
    if let Some((p, left)) = st.knobs.unavailable_on.clone()
        && left > 0
        && format!("{m} {path}").contains(&p)
    {
        st.knobs.unavailable_on = Some((p, left - 1));
        return reply(503, json!({"message": "busy"}));
    }
    if matches!(m, "POST" | "PUT") && !rest.ends_with("/promote") {
        let json_type = req
            .header("content-type")
            .is_some_and(|t| t.starts_with("application/json"));
        let problem = if json_type {
            shape_problem(m, rest, &req.json())
        } else if matches!(rest, "/packages" | "/submissions")
            || rest.starts_with("/packages/")
            || rest.starts_with("/packageconfigurations/")
        {
            Some("the body must be JSON (Content-Type: application/json)".to_string())
        } else {
            None
        };
        if let Some(p) = problem {
            st.shape_errors.push(format!("{m} {rest}: {p}"));
            return reply(400, json!({"message": p}));
        }
    }
    let port = st.port;
    match (m, rest) {
        ("GET", "") => reply(
            200,
            json!({"resourceType": "FakeConnectorOffer", "id": PRODUCT, "name": "Contoso Tasks"}),
        ),
        ("GET", "/submissions") if st.knobs.paged_submissions => {
            let page: usize = req
                .query
                .strip_prefix("page=")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            let mut v = json!({"value": st.submissions.get(page).into_iter().collect::<Vec<_>>()});
            if page + 1 < st.submissions.len() {
                v["nextLink"] = json!(format!(
                    "v1.0/ingestion/products/{PRODUCT}/submissions?page={}",
                    page + 1
                ));
            }
            reply(200, v)
        }
        ("GET", "/submissions") => reply(200, json!({"value": st.submissions})),
        ("POST", "/submissions") => {
            let n = st.submissions.len() + 1;
            let s = json!({"resourceType": "Submission", "id": format!("sub-{n}"),
                "state": "InProgress", "substate": "Submitted", "targets": req.json()["targets"]});
            st.submissions.push(s.clone());
            st.progress = 0;
            reply(201, s)
        }
        ("GET", "/branches/getByModule(module=Package)") => reply(
            200,
            json!({"value": [
                {"resourceType": "Branch", "id": "br-v", "module": "Package", "variantID": "var-1", "currentDraftInstanceID": "inst-variant"},
                {"resourceType": "Branch", "id": "br-main", "module": "Package", "currentDraftInstanceID": INSTANCE}
            ]}),
        ),
        ("GET", r)
            if r == format!("/packageConfigurations/getByInstanceID(instanceID={INSTANCE})") =>
        {
            let mut c = st.config.clone();
            c["@odata.etag"] = json!(format!("\"cfg-etag-{}\"", st.config_etag));
            reply(200, json!({"value": [c]}))
        }
        ("GET", r) if r == format!("/packageconfigurations/{CONFIG_ID}") => {
            let mut c = st.config.clone();
            c["@odata.etag"] = json!(format!("\"cfg-etag-{}\"", st.config_etag));
            reply(200, c)
        }
        ("PUT", r) if r == format!("/packageconfigurations/{CONFIG_ID}") => {
            if st.knobs.stale_config_puts > 0 {
                st.knobs.stale_config_puts -= 1;
                st.config_etag += 1;
                return reply(412, json!({"message": "etag mismatch"}));
            }
            let want = format!("\"cfg-etag-{}\"", st.config_etag);
            if req.header("if-match") != Some(want.as_str()) {
                return reply(412, json!({"message": "etag mismatch"}));
            }
            st.config = req.json();
            st.config_etag += 1;
            let mut c = st.config.clone();
            c["@odata.etag"] = json!(format!("\"cfg-etag-{}\"", st.config_etag));
            reply(200, c)
        }
        ("GET", "/packages") => reply(200, json!({"value": st.packages})),
        ("POST", "/packages") => {
            if st.knobs.conflict_on_package_create {
                return reply(409, json!({"message": "conflict"}));
            }
            let body = req.json();
            let n = st.packages.len() + 1;
            let id = format!("pkg-{n}");
            let p = json!({"resourceType": body["resourceType"], "id": id, "@odata.etag": format!("\"pe-{n}-1\""),
                "state": "PendingUpload", "fileName": body["fileName"],
                "fileSasUri": format!("http://127.0.0.1:{port}/blob/ingest/{id}.zip?sv=2021-08-06&se=2099-01-01T00%3A00%3A00Z&sp=rwl&sig={SAS_SIG}")});
            st.packages.push(p.clone());
            if st.knobs.lose_package_create_answer {
                st.knobs.lose_package_create_answer = false;
                return reply(503, json!({"message": "gateway lost the answer"}));
            }
            reply(201, p)
        }
        ("GET", r) | ("PUT", r) if r.starts_with("/packages/") => {
            let id = r.trim_start_matches("/packages/").to_string();
            let Some(idx) = st.packages.iter().position(|p| p["id"] == json!(id)) else {
                return reply(404, json!({"message": "no package"}));
            };
            if m == "PUT" {
                if req.header("if-match") != Some(package_etag(&st.packages[idx]).as_str()) {
                    return reply(412, json!({"message": "etag mismatch"}));
                }
                let body = req.json();
                if body["state"] != json!("Uploaded") || st.blob.is_none() {
                    return reply(400, json!({"message": "not uploaded"}));
                }
                let p = &mut st.packages[idx];
                p["state"] = json!("InProcessing");
                p["@odata.etag"] = json!(format!("\"pe-{id}-2\""));
                return reply(200, p.clone());
            }
            st.package_gets += 1;
            let done = st.package_gets > st.knobs.processing_polls;
            let fails = st.knobs.process_fails;
            let p = &mut st.packages[idx];
            if done && p["state"] == json!("InProcessing") {
                if fails {
                    p["state"] = json!("ProcessFailed");
                    p["validationItems"] = json!([{"errorCode": "PKG042", "severity": "Error",
                        "message": "PkgAssets folder missing", "resource": "package"}]);
                } else {
                    p["state"] = json!("Processed");
                }
            }
            reply(200, p.clone())
        }
        ("GET", r) | ("DELETE", r) if r.starts_with("/submissions/") => {
            let tail = r.trim_start_matches("/submissions/");
            let (sid, sub) = tail.split_once('/').unwrap_or((tail, ""));
            let Some(idx) = st.submissions.iter().position(|s| s["id"] == json!(sid)) else {
                return reply(404, json!({"message": "no submission"}));
            };
            if m == "DELETE" {
                st.submissions.remove(idx);
                return empty(204);
            }
            match sub {
                "" => reply(200, st.submissions[idx].clone()),
                "workflowdetails" => {
                    let newest = idx + 1 == st.submissions.len();
                    if newest && st.progress < WORKFLOW.len() {
                        st.progress += 1;
                    }
                    let done = st.progress;
                    let cert_fails = st.knobs.certification_fails;
                    let mut steps = Vec::new();
                    let mut failed = false;
                    for (i, name) in WORKFLOW.iter().enumerate() {
                        let state = if cert_fails && *name == "Certification" && i < done {
                            failed = true;
                            "Failed"
                        } else if failed {
                            "NotStarted"
                        } else if i + 1 < done {
                            "Success"
                        } else if i + 1 == done {
                            if done == WORKFLOW.len() {
                                "Success"
                            } else {
                                "InProgress"
                            }
                        } else {
                            "NotStarted"
                        };
                        steps.push(json!({"name": name, "state": state}));
                    }
                    let s = &mut st.submissions[idx];
                    if failed {
                        s["substate"] = json!("FailedInCertification");
                    } else if done == WORKFLOW.len() && s["state"] == json!("InProgress") {
                        s["state"] = json!("Published");
                        s["substate"] = json!("ReadyToPublish");
                    }
                    reply(
                        200,
                        json!({"value": [{"type": "Push", "state": "InProgress", "targetEnvironment": "Preview", "workflowSteps": steps}]}),
                    )
                }
                "validations" => reply(
                    200,
                    json!({"value": [{"errorCode": "5000.1.1.6", "severity": "Error",
                        "message": "Missing flows: see https://cert.example/report?sig=NOTLEAKED"}]}),
                ),
                _ => reply(404, json!({"message": "no route"})),
            }
        }
        ("POST", r) if r.starts_with("/submissions/") && r.ends_with("/promote") => {
            let sid = r
                .trim_start_matches("/submissions/")
                .trim_end_matches("/promote");
            let Some(s) = st.submissions.iter_mut().find(|s| s["id"] == json!(sid)) else {
                return reply(404, json!({"message": "no submission"}));
            };
            s["substate"] = json!("Publishing");
            let s = s.clone();
            st.promoted = true;
            reply(200, s)
        }
        _ => reply(404, json!({"message": "no such route"})),
    }
}
