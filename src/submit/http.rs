//! A small HTTP layer over `reqwest::blocking`: per-request timeouts, bounded retries with
//! jittered exponential backoff (honouring `Retry-After`), HTTPS enforcement and redaction.
//!
//! *For connkit's own benchmarks and tests.*
//!
//! Nothing in this module ever formats a URL query, a header value or a body into an error:
//! error texts are built from the method, the redacted URL and the status only.

use std::fmt;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime};

/// A secret string (client secret, access token, SAS URL). `Debug` and `Display` print `***`;
/// the value is only reachable through [`Secret::expose`]. Real secrets are made with
/// [`Secret::redacted`], which also registers the value with [`crate::safe::register_secret`]
/// so that it is redacted from anything printed, even when a server echoes it.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    /// A value kept out of `Debug`/`Display` only (a header, a URL without credentials).
    pub(crate) fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    /// A credential (client secret, token, SAS URL): also redacted from all output.
    pub(crate) fn redacted(s: impl Into<String>) -> Self {
        let s = s.into();
        crate::safe::register_secret(&s);
        Secret(s)
    }
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// The URL without its query and fragment; `?REDACTED` marks a removed query.
pub(crate) fn redact_url(url: &str) -> String {
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let base = url.get(..cut).unwrap_or("");
    if url.get(cut..).is_some_and(|rest| rest.starts_with('?')) {
        format!("{base}?REDACTED")
    } else {
        base.to_string()
    }
}

/// Whether the host is a loopback name or address (127.0.0.0/8, ::1, localhost).
pub(crate) fn is_loopback_host(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    if h.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match h.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => false,
    }
}

/// Check a URL: absolute, `https`, or `http` only for a loopback host. The error never
/// contains the query.
pub(crate) fn check_url(url: &str, what: &str) -> Result<reqwest::Url, String> {
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| format!("{what}: not a valid URL ({e}): {}", redact_url(url)))?;
    let host = parsed.host_str().unwrap_or("");
    if host.is_empty() {
        return Err(format!("{what}: no host in {}", redact_url(url)));
    }
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if is_loopback_host(host) => Ok(parsed),
        "http" => Err(format!(
            "{what}: plain http is only allowed for loopback hosts (127.0.0.1, ::1, localhost); use https: {}",
            redact_url(url)
        )),
        other => Err(format!(
            "{what}: unsupported scheme '{other}' (https required): {}",
            redact_url(url)
        )),
    }
}

/// Install the ring crypto provider once (reqwest is built with `rustls-no-provider`).
pub fn install_crypto_provider() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        // An error only means a provider is already installed, which is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// Retry and time limits.
#[derive(Clone, Debug)]
pub(crate) struct RetryPolicy {
    /// Attempts per request, including the first.
    pub(crate) max_attempts: u32,
    /// Base of the exponential backoff.
    pub(crate) base: Duration,
    /// Cap of one backoff sleep (also caps `Retry-After`).
    pub(crate) cap: Duration,
    /// Timeout of one JSON request.
    pub(crate) request_timeout: Duration,
    /// Timeout of one upload.
    pub(crate) upload_timeout: Duration,
    /// Nothing starts after this instant.
    pub(crate) deadline: Instant,
}

impl RetryPolicy {
    pub(crate) fn new(total: Duration) -> Self {
        RetryPolicy {
            max_attempts: 6,
            base: Duration::from_secs(1),
            cap: Duration::from_secs(60),
            request_timeout: Duration::from_secs(60),
            upload_timeout: Duration::from_secs(600),
            deadline: Instant::now() + total,
        }
    }

    /// Full-jitter exponential backoff for the n-th retry (1-based).
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let exp = self.base.saturating_mul(
            1u32.checked_shl(retry.saturating_sub(1).min(16))
                .unwrap_or(1),
        );
        let max = exp.min(self.cap);
        let ms = u64::try_from(max.as_millis()).unwrap_or(u64::MAX);
        // Full jitter, but never below half the step, so that retries still spread out.
        Duration::from_millis(ms / 2 + fastrand::u64(0..=ms / 2))
    }

    pub(crate) fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }
}

/// Parse `Retry-After`: delay-seconds or an HTTP date.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(v).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Head,
    Post,
    Put,
    Delete,
}

impl Method {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
    fn to_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Head => reqwest::Method::HEAD,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        }
    }
}

/// When a failed attempt may be sent again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Idempotency {
    /// GET, PUT, DELETE, blob PUT: retry on transport errors, 408, 429 and 5xx.
    Safe,
    /// A create (POST): retry only when the connection was never made; otherwise return the
    /// failure so the caller can check whether the resource exists before sending again.
    CreateOnce,
}

pub(crate) struct Request {
    pub(crate) method: Method,
    /// The URL, used verbatim. May hold a SAS query: never print it unredacted.
    pub(crate) url: Secret,
    pub(crate) headers: Vec<(String, Secret)>,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) timeout: Duration,
    pub(crate) idempotency: Idempotency,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Response {
    pub(crate) status: u16,
    /// Header names lower-cased.
    pub(crate) headers: Vec<(String, String)>,
    /// At most [`MAX_RESPONSE_BYTES`] of the body.
    pub(crate) body: Vec<u8>,
    /// The server sent more than [`MAX_RESPONSE_BYTES`]: the rest was not read.
    pub(crate) truncated: bool,
}

/// The most of a response body read into memory. The Ingestion API's and Entra's answers are
/// a few kilobytes; a server that sends more (or never stops) is cut off here instead of
/// growing memory until the request timeout.
pub(crate) const MAX_RESPONSE_BYTES: u64 = 4 * 1024 * 1024;

/// Read at most `cap` bytes; `true` when the body had more (the rest is left unread and the
/// connection dropped).
pub(crate) fn read_capped(r: impl std::io::Read, cap: u64) -> std::io::Result<(Vec<u8>, bool)> {
    use std::io::Read;
    let mut body = Vec::new();
    let n = r.take(cap + 1).read_to_end(&mut body)?;
    let truncated = n as u64 > cap;
    body.truncate(cap as usize);
    Ok((body, truncated))
}

impl Response {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    /// The body as JSON; `None` when it is not JSON or was truncated.
    pub(crate) fn json(&self) -> Option<serde_json::Value> {
        if self.truncated {
            return None;
        }
        serde_json::from_slice(&self.body).ok()
    }
    /// " (the response body was over 4 MiB and was cut off)" when truncated, else "".
    pub(crate) fn truncation_note(&self) -> &'static str {
        if self.truncated {
            " (the response body was over 4 MiB; connkit read only the first 4 MiB)"
        } else {
            ""
        }
    }
    pub(crate) fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why a request did not give a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TransportKind {
    /// The connection was never established: the request surely did not reach the server.
    Connect,
    Timeout,
    /// Reset, closed early, or another I/O failure after the request may have been sent.
    Other,
}

#[derive(Debug, Clone)]
pub(crate) enum HttpError {
    /// No response; `message` is already redacted.
    Transport {
        kind: TransportKind,
        message: String,
    },
    /// The deadline passed before the request could be (re)sent.
    Deadline { message: String },
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Transport { message, .. } | HttpError::Deadline { message } => {
                f.write_str(message)
            }
        }
    }
}

impl std::error::Error for HttpError {}

/// Why a transport failure cannot be fixed by retrying, or `None`: a name that does not
/// resolve, or a connection refused by a remote host (nothing listens there; a loopback
/// server may still be starting, so that one is retried).
pub(crate) fn unfixable_transport(message: &str, loopback: bool) -> Option<&'static str> {
    let m = message.to_ascii_lowercase();
    if m.contains("dns error")
        || m.contains("failed to lookup address")
        || m.contains("name or service not known")
        || m.contains("no such host")
        || m.contains("nodename nor servname")
        || m.contains("temporary failure in name resolution")
    {
        return Some("the host name does not resolve (check the URL, or the network/DNS settings)");
    }
    if !loopback && m.contains("connection refused") {
        return Some("the host refused the connection (nothing listens at that address and port)");
    }
    None
}

/// Whether a status is worth another attempt.
pub(crate) fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Describe a reqwest error without its URL (reqwest puts the full URL, query included, in
/// its `Display`).
pub(crate) fn describe(e: reqwest::Error) -> (TransportKind, String) {
    let kind = if e.is_connect() {
        TransportKind::Connect
    } else if e.is_timeout() {
        TransportKind::Timeout
    } else {
        TransportKind::Other
    };
    let e = e.without_url();
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(&e);
    let mut depth = 0;
    while let Some(s) = src {
        let t = s.to_string();
        // Defensive: a source that mentions a URL with a query is dropped entirely.
        if !t.contains('?') && !msg.contains(&t) {
            msg.push_str(": ");
            msg.push_str(&t);
        }
        src = s.source();
        depth += 1;
        if depth > 8 {
            break;
        }
    }
    (kind, msg)
}

/// Progress messages (stderr); tests capture them.
pub(crate) type Log<'a> = &'a dyn Fn(&str);

pub(crate) struct Http {
    pub(crate) policy: RetryPolicy,
    direct: OnceLock<Result<reqwest::blocking::Client, ClientError>>,
    proxied: OnceLock<Result<reqwest::blocking::Client, ClientError>>,
}

/// Why an HTTP client could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    #[error("cannot read an extra root certificate")]
    RootCertificate,
    #[error("cannot build the HTTP client: {0}")]
    Build(String),
}

/// Build a blocking client: ring provider, platform roots, no redirects (a bearer token must
/// never follow a redirect to another host), optional proxy.
pub fn build_client(use_proxy: bool) -> Result<reqwest::blocking::Client, ClientError> {
    build_client_with_roots(use_proxy, &[])
}

/// [`build_client`] trusting extra DER root certificates besides the platform's (tests use a
/// loopback TLS server with their own CA).
pub fn build_client_with_roots(
    use_proxy: bool,
    extra_roots_der: &[&[u8]],
) -> Result<reqwest::blocking::Client, ClientError> {
    install_crypto_provider();
    let mut b = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("connkit/", env!("CARGO_PKG_VERSION")))
        .timeout(None::<Duration>)
        .connect_timeout(Duration::from_secs(20));
    if !use_proxy {
        b = b.no_proxy();
    }
    for der in extra_roots_der {
        let cert = reqwest::Certificate::from_der(der).map_err(|_| ClientError::RootCertificate)?;
        b = b.add_root_certificate(cert);
    }
    b.build().map_err(|e| ClientError::Build(describe(e).1))
}

impl Http {
    pub(crate) fn new(policy: RetryPolicy) -> Self {
        Http {
            policy,
            direct: OnceLock::new(),
            proxied: OnceLock::new(),
        }
    }

    fn client(&self, loopback: bool) -> Result<&reqwest::blocking::Client, HttpError> {
        // Loopback traffic never goes through a proxy.
        let cell = if loopback {
            &self.direct
        } else {
            &self.proxied
        };
        cell.get_or_init(|| build_client(!loopback))
            .as_ref()
            .map_err(|e| HttpError::Transport {
                kind: TransportKind::Connect,
                message: e.to_string(),
            })
    }

    fn once(&self, req: &Request) -> Result<Response, HttpError> {
        let label = format!("{} {}", req.method.as_str(), redact_url(req.url.expose()));
        let url = check_url(req.url.expose(), &label).map_err(|m| HttpError::Transport {
            kind: TransportKind::Connect,
            message: m,
        })?;
        let loopback = url.host_str().is_some_and(is_loopback_host);
        let client = self.client(loopback)?;
        let timeout = req
            .timeout
            .min(self.policy.remaining().max(Duration::from_millis(1)));
        let mut rb = client
            .request(req.method.to_reqwest(), url)
            .timeout(timeout);
        for (k, v) in &req.headers {
            rb = rb.header(k.as_str(), v.expose());
        }
        if let Some(body) = &req.body {
            rb = rb.body(body.clone());
        }
        let resp = rb.send().map_err(|e| {
            let (kind, m) = describe(e);
            HttpError::Transport {
                kind,
                message: format!("{label}: {m}"),
            }
        })?;
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_ascii_lowercase(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let (body, truncated) = read_capped(resp, MAX_RESPONSE_BYTES).map_err(|e| {
            let kind = if e.kind() == std::io::ErrorKind::TimedOut {
                TransportKind::Timeout
            } else {
                TransportKind::Other
            };
            HttpError::Transport {
                kind,
                message: format!("{label}: reading the response: {e}"),
            }
        })?;
        Ok(Response {
            status,
            headers,
            body,
            truncated,
        })
    }

    /// Send with retries. Returns the last response (any status) or a transport error once
    /// the attempts or the time are used up.
    pub(crate) fn send(&self, req: &Request, log: Log) -> Result<Response, HttpError> {
        let label = format!("{} {}", req.method.as_str(), redact_url(req.url.expose()));
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            if self.policy.remaining().is_zero() {
                return Err(HttpError::Deadline {
                    message: format!("{label}: time limit reached"),
                });
            }
            let outcome = self.once(req);
            let (wait, why) = match &outcome {
                Ok(r) if retryable_status(r.status) => {
                    let hinted = r
                        .header("retry-after")
                        .and_then(|v| parse_retry_after(v, SystemTime::now()));
                    match hinted {
                        Some(d) => (
                            d.min(self.policy.cap),
                            format!("HTTP {} (Retry-After {}s)", r.status, d.as_secs()),
                        ),
                        None => (self.policy.backoff(attempt), format!("HTTP {}", r.status)),
                    }
                }
                Ok(_) => return outcome,
                Err(HttpError::Transport { kind, message }) => {
                    if req.idempotency == Idempotency::CreateOnce && *kind != TransportKind::Connect
                    {
                        return outcome;
                    }
                    let loopback = reqwest::Url::parse(req.url.expose())
                        .ok()
                        .and_then(|u| u.host_str().map(is_loopback_host))
                        .unwrap_or(false);
                    if let Some(why) = unfixable_transport(message, loopback) {
                        return Err(HttpError::Transport {
                            kind: kind.clone(),
                            message: format!("{message} ({why}; not retried)"),
                        });
                    }
                    let prefix = format!("{label}: ");
                    let short = message.strip_prefix(&prefix).unwrap_or(message);
                    (self.policy.backoff(attempt), short.to_string())
                }
                Err(HttpError::Deadline { .. }) => return outcome,
            };
            if attempt >= self.policy.max_attempts {
                return outcome;
            }
            // A create that got a retryable status may have succeeded: the caller checks first.
            if req.idempotency == Idempotency::CreateOnce && outcome.is_ok() {
                return outcome;
            }
            if wait >= self.policy.remaining() {
                return match outcome {
                    Ok(r) => Ok(r),
                    Err(_) => Err(HttpError::Deadline {
                        message: format!("{label}: time limit reached (last failure: {why})"),
                    }),
                };
            }
            log(&format!(
                "retrying {label} in {:.1}s after {why} (attempt {}/{})",
                wait.as_secs_f64(),
                attempt + 1,
                self.policy.max_attempts
            ));
            std::thread::sleep(wait);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_never_formats_its_value() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s} {s:?}"), "*** ***");
        assert_eq!(s.expose(), "hunter2");
        let v = vec![("a".to_string(), s)];
        assert!(!format!("{v:?}").contains("hunter2"));
    }

    #[test]
    fn redact_url_removes_query() {
        assert_eq!(
            redact_url("https://a.blob.core.windows.net/c/p.zip?sv=1&sig=abc"),
            "https://a.blob.core.windows.net/c/p.zip?REDACTED"
        );
        assert_eq!(redact_url("https://h/p"), "https://h/p");
        assert_eq!(redact_url("https://h/p#frag"), "https://h/p");
    }

    #[test]
    fn https_required_except_loopback() {
        assert!(check_url("https://example.com/x", "t").is_ok());
        assert!(check_url("http://127.0.0.1:9/x", "t").is_ok());
        assert!(check_url("http://127.5.6.7/x", "t").is_ok());
        assert!(check_url("http://[::1]:8/x", "t").is_ok());
        assert!(check_url("http://localhost/x", "t").is_ok());
        let e = check_url("http://example.com/x?sig=SECRET", "t").unwrap_err();
        assert!(e.contains("https"), "{e}");
        assert!(!e.contains("SECRET"), "{e}");
        assert!(check_url("http://128.0.0.1/x", "t").is_err());
        assert!(check_url("ftp://127.0.0.1/x", "t").is_err());
        assert!(check_url("not a url?sig=SECRET", "t").is_err_and(|e| !e.contains("SECRET")));
    }

    #[test]
    fn retry_after_seconds_and_http_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        assert_eq!(parse_retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(
            parse_retry_after(&later, now),
            Some(Duration::from_secs(30))
        );
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(30));
        assert_eq!(parse_retry_after(&earlier, now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let mut p = RetryPolicy::new(Duration::from_secs(10));
        p.base = Duration::from_millis(100);
        p.cap = Duration::from_millis(1000);
        for _ in 0..50 {
            let b1 = p.backoff(1);
            assert!(b1 >= Duration::from_millis(50) && b1 <= Duration::from_millis(100));
            let b3 = p.backoff(3);
            assert!(b3 >= Duration::from_millis(200) && b3 <= Duration::from_millis(400));
            assert!(p.backoff(30) <= Duration::from_millis(1000));
        }
    }

    #[test]
    fn tls_client_builds_with_ring_provider() {
        // Building (not connecting) proves the platform verifier works with the ring provider.
        assert!(build_client(true).is_ok());
        assert!(build_client(false).is_ok());
    }

    #[test]
    fn unresolvable_names_and_remote_refusals_are_not_retried() {
        let dns = "error sending request: client error (Connect): dns error: failed to lookup address information: Name or service not known";
        assert!(unfixable_transport(dns, false).is_some());
        assert!(unfixable_transport(dns, true).is_some());
        let refused = "error sending request: client error (Connect): tcp connect error: Connection refused (os error 111)";
        assert!(unfixable_transport(refused, false).is_some());
        assert!(unfixable_transport(refused, true).is_none());
        assert!(unfixable_transport("operation timed out", false).is_none());
        assert!(unfixable_transport("connection reset by peer", false).is_none());
    }

    #[test]
    fn status_classification() {
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(retryable_status(s));
        }
        for s in [200, 201, 400, 401, 403, 404, 409, 412] {
            assert!(!retryable_status(s));
        }
    }
}

/// Replace the query of every http(s) URL inside a text (server messages may quote SAS URLs).
pub(crate) fn redact_text(s: &str) -> String {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?i)(https?://[^\s"'<>?]*)\?[^\s"'<>]*"#).unwrap_or_else(|_| {
            // The pattern is a constant; this branch is unreachable in practice.
            regex::Regex::new("$^").unwrap_or_else(|_| unreachable!())
        })
    });
    re.replace_all(s, "${1}?REDACTED").into_owned()
}

#[cfg(test)]
mod redact_text_tests {
    #[test]
    fn urls_in_text_lose_their_query() {
        let t = r#"{"fileSasUri":"https://x.blob/c/p.zip?sv=1&sig=SIG","m":"see http://127.0.0.1:5/a?sig=S2 now"}"#;
        let r = super::redact_text(t);
        assert!(!r.contains("SIG") && !r.contains("S2"), "{r}");
        assert!(r.contains("https://x.blob/c/p.zip?REDACTED"), "{r}");
        assert!(r.contains("http://127.0.0.1:5/a?REDACTED now"), "{r}");
    }
}
