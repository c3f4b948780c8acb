//! HAR 1.2 recordings of a run (`--record DIR` writes `DIR/connkit-test.har`; `--replay DIR`
//! reads every `*.har` there), with every credential redacted: the values of credential
//! headers (`Authorization`, `Cookie`, the API key header) and query parameters (the API key,
//! SAS `sig`) are replaced by `REDACTED`, and every registered secret — raw, percent-, JSON-
//! or base64-encoded — is replaced wherever it appears, response bodies and headers included
//! (a server may echo a credential back).
//!
//! Each entry carries `_connkit: {operationId, request, truncated}` (HAR allows custom fields
//! starting with `_`) so that a replay finds the response of each request.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::request::Built;
use super::validate::Response;

/// The file `--record` writes.
pub(crate) const FILE_NAME: &str = "connkit-test.har";
/// The most a recording may weigh when replayed.
pub(crate) const MAX_HAR_BYTES: u64 = 256 * 1024 * 1024;

/// What to redact besides the registered secrets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Redaction {
    /// Lower-case header names whose values are credentials.
    pub(crate) headers: Vec<String>,
    /// Lower-case query parameter names whose values are credentials.
    pub(crate) query: Vec<String>,
}

impl Redaction {
    fn text(&self, s: &str) -> String {
        crate::safe::redact(s).into_owned()
    }

    fn header(&self, name: &str, value: &str) -> Value {
        let v = if self.headers.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            "REDACTED".to_string()
        } else {
            self.text(value)
        };
        json!({"name": self.text(name), "value": v})
    }

    /// The URL with credential query values replaced, and its query as HAR pairs.
    fn url(&self, url: &str) -> (String, Vec<Value>) {
        let Some((base, q)) = url.split_once('?') else {
            return (self.text(url), vec![]);
        };
        let mut pairs = Vec::new();
        let mut parts = Vec::new();
        for part in q.split('&') {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let decoded_k = percent_encoding::percent_decode_str(&k.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned();
            let sensitive = self
                .query
                .iter()
                .any(|n| n.eq_ignore_ascii_case(&decoded_k));
            let v_out = if sensitive {
                "REDACTED".to_string()
            } else {
                self.text(v)
            };
            let decoded_v = if sensitive {
                "REDACTED".to_string()
            } else {
                self.text(
                    &percent_encoding::percent_decode_str(&v.replace('+', " ")).decode_utf8_lossy(),
                )
            };
            parts.push(format!("{}={v_out}", self.text(k)));
            pairs.push(json!({"name": self.text(&decoded_k), "value": decoded_v}));
        }
        (format!("{}?{}", self.text(base), parts.join("&")), pairs)
    }

    /// A URL for reports: credential query values replaced, registered secrets redacted.
    pub(crate) fn display_url(&self, url: &str) -> String {
        self.url(url).0
    }
}

/// One recorded exchange.
pub(crate) struct Exchange<'a> {
    pub(crate) operation_id: &'a str,
    pub(crate) index: usize,
    pub(crate) request: &'a Built,
    pub(crate) response: &'a Response,
    pub(crate) started: std::time::SystemTime,
    pub(crate) millis: u64,
}

/// `2024-05-01T12:30:00.123Z` (HAR's `startedDateTime`, ISO 8601).
pub(crate) fn iso8601(t: std::time::SystemTime) -> String {
    let d = t.duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_millis()
    )
}

fn body_text(bytes: &[u8], r: &Redaction) -> (String, Option<&'static str>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (r.text(s), None),
        // Binary bodies: base64 of the bytes. Secrets are text, and a binary body that holds
        // one as text would also be valid UTF-8 around it; the raw-byte pass below catches it.
        Err(_) => (super::auth::base64(&redact_bytes(bytes)), Some("base64")),
    }
}

/// Registered secrets can only be replaced in text; in a binary body, the raw bytes of each
/// secret given to this run are replaced instead.
fn redact_bytes(bytes: &[u8]) -> Vec<u8> {
    let lossy = String::from_utf8_lossy(bytes);
    let redacted = crate::safe::redact(&lossy);
    if redacted == lossy {
        bytes.to_vec()
    } else {
        // Something secret was in there: keep the redacted (lossy) text rather than the bytes.
        redacted.into_owned().into_bytes()
    }
}

/// The HAR entry of one exchange.
pub(crate) fn entry(x: &Exchange<'_>, r: &Redaction) -> Value {
    let (url, query) = r.url(&x.request.url);
    let req_headers: Vec<Value> = x
        .request
        .headers
        .iter()
        .map(|(k, v)| r.header(k, v))
        .collect();
    let mut request = json!({
        "method": x.request.method,
        "url": url,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": req_headers,
        "queryString": query,
        "headersSize": -1,
        "bodySize": x.request.body.as_ref().map_or(0, Vec::len),
    });
    if let Some(b) = &x.request.body {
        let (text, _) = body_text(b, r);
        let mime = x
            .request
            .header("content-type")
            .unwrap_or("application/octet-stream");
        request["postData"] = json!({"mimeType": r.text(mime), "text": text});
    }
    let resp_headers: Vec<Value> = x
        .response
        .headers
        .iter()
        .map(|(k, v)| r.header(k, v))
        .collect();
    let (text, encoding) = body_text(&x.response.body, r);
    let mut content = json!({
        "size": x.response.body.len(),
        "mimeType": r.text(x.response.header("content-type").unwrap_or("")),
        "text": text,
    });
    if let Some(e) = encoding {
        content["encoding"] = json!(e);
    }
    json!({
        "startedDateTime": iso8601(x.started),
        "time": x.millis,
        "request": request,
        "response": {
            "status": x.response.status,
            "statusText": "",
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": resp_headers,
            "content": content,
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": x.response.body.len(),
        },
        "cache": {},
        "timings": {"send": 0, "wait": x.millis, "receive": 0},
        "_connkit": {"operationId": x.operation_id, "request": x.index, "truncated": x.response.truncated},
    })
}

/// The whole HAR document, serialized and redacted once more as text.
pub(crate) fn document(entries: Vec<Value>) -> String {
    let doc = json!({"log": {
        "version": "1.2",
        "creator": {"name": "connkit", "version": env!("CARGO_PKG_VERSION")},
        "entries": entries,
    }});
    let text = serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
    crate::safe::redact(&text).into_owned()
}

/// Write the recording into `dir` (created if needed) atomically: a temporary file in `dir`,
/// then renamed over `connkit-test.har` (a symlink there is replaced, never followed).
pub(crate) fn write(dir: &Path, text: &str) -> Result<PathBuf, String> {
    use std::io::Write;
    std::fs::create_dir_all(dir).map_err(|e| format!("--record {}: {e}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("--record {}: {e}", dir.display()))?;
    tmp.write_all(text.as_bytes())
        .and_then(|_| tmp.flush())
        .map_err(|e| format!("--record {}: {e}", dir.display()))?;
    let path = dir.join(FILE_NAME);
    tmp.persist(&path)
        .map_err(|e| format!("--record {}: {}", path.display(), e.error))?;
    Ok(path)
}

/// Read the responses recorded in `dir/*.har`.
pub(crate) fn read(dir: &Path) -> Result<super::transport::Replay, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("--replay {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("har")) && p.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "--replay {}: no .har file there (record one with --record)",
            dir.display()
        ));
    }
    let mut replay = super::transport::Replay::default();
    for f in files {
        let meta = std::fs::metadata(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        if meta.len() > MAX_HAR_BYTES {
            return Err(format!("{}: over {} MiB", f.display(), MAX_HAR_BYTES >> 20));
        }
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let doc: Value = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a HAR file ({e})", f.display()))?;
        let entries = doc
            .pointer("/log/entries")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{}: not a HAR file (no log.entries)", f.display()))?;
        for e in entries {
            let Some(id) = e.pointer("/_connkit/operationId").and_then(Value::as_str) else {
                continue;
            };
            let index = e
                .pointer("/_connkit/request")
                .and_then(Value::as_u64)
                .unwrap_or(0) as usize;
            let truncated = e.pointer("/_connkit/truncated").and_then(Value::as_bool) == Some(true);
            let status = e
                .pointer("/response/status")
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok())
                .unwrap_or(0);
            let headers = e
                .pointer("/response/headers")
                .and_then(Value::as_array)
                .map(|h| {
                    h.iter()
                        .filter_map(|p| {
                            Some((
                                p.get("name")?.as_str()?.to_ascii_lowercase(),
                                p.get("value")?.as_str()?.to_string(),
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let text = e
                .pointer("/response/content/text")
                .and_then(Value::as_str)
                .unwrap_or("");
            let body = if e
                .pointer("/response/content/encoding")
                .and_then(Value::as_str)
                == Some("base64")
            {
                base64_decode(text)
                    .ok_or_else(|| format!("{}: a body is not valid base64", f.display()))?
            } else {
                text.as_bytes().to_vec()
            };
            let method = e
                .pointer("/request/method")
                .and_then(Value::as_str)
                .unwrap_or("");
            let url = e
                .pointer("/request/url")
                .and_then(Value::as_str)
                .unwrap_or("");
            replay.responses.insert(
                (id.to_string(), index),
                super::transport::Recorded {
                    method: method.to_string(),
                    path: super::transport::url_path(url),
                    response: Response {
                        status,
                        headers,
                        body,
                        truncated,
                    },
                },
            );
        }
    }
    Ok(replay)
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut buf = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' | b'\n' | b'\r' => continue,
            _ => return None,
        };
        buf = (buf << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_millis(1_714_566_600_123);
        assert_eq!(iso8601(t), "2024-05-01T12:30:00.123Z");
        assert_eq!(iso8601(std::time::UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn base64_round_trip() {
        for s in [&b""[..], b"a", b"ab", b"abc", b"\xff\x00\x10binary"] {
            assert_eq!(base64_decode(&super::super::auth::base64(s)).unwrap(), s);
        }
    }

    #[test]
    fn credentials_are_redacted_in_urls_headers_and_echoed_bodies() {
        super::super::auth::register("har-secret-key-9");
        let r = Redaction {
            headers: vec!["x-key".into(), "authorization".into()],
            query: vec!["code".into()],
        };
        let req = Built {
            method: "GET".into(),
            url: "http://127.0.0.1:1/v1/x?code=har-secret-key-9&q=1".into(),
            headers: vec![("X-Key".into(), "har-secret-key-9".into())],
            body: None,
            request: crate::model::request::Request {
                method: "GET".into(),
                scheme: "http".into(),
                host: "127.0.0.1:1".into(),
                base_path: "/v1".into(),
                path: "/x".into(),
                path_template: "/x".into(),
                path_params: vec![],
                query: vec![],
                headers: vec![],
                body: None,
            },
        };
        let b64 = super::super::auth::base64(b"har-secret-key-9");
        let resp = Response {
            status: 200,
            headers: vec![("x-echo".into(), "har-secret-key-9".into())],
            body: format!(r#"{{"echo":"har-secret-key-9","b":"{b64}"}}"#).into_bytes(),
            truncated: false,
        };
        let x = Exchange {
            operation_id: "Op",
            index: 0,
            request: &req,
            response: &resp,
            started: std::time::UNIX_EPOCH,
            millis: 1,
        };
        let doc = document(vec![entry(&x, &r)]);
        assert!(!doc.contains("har-secret-key-9"), "{doc}");
        assert!(!doc.contains(b64.trim_end_matches('=')), "{doc}");
        assert!(doc.contains("code=REDACTED&q=1"), "{doc}");
        let v: Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["log"]["version"], "1.2");
        assert_eq!(v["log"]["entries"][0]["_connkit"]["operationId"], "Op");
    }
}
