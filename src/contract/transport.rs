//! Where responses come from: the live API (one blocking client, rustls, only the allowed
//! hosts, no redirect to another host, timeouts, the body cap `connkit submit` uses), or a
//! recording (`--replay`, no network at all).

use std::collections::HashMap;
use std::time::Duration;

use super::request::Built;
use super::validate::Response;
use crate::submit::http::{
    MAX_RESPONSE_BYTES, TransportKind, check_url, install_crypto_provider, is_loopback_host,
    read_capped, redact_url,
};

/// Why a request got no response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoResponse {
    /// The connection could not be made (nothing answers there).
    pub(crate) connect: bool,
    /// Already free of query strings and credentials.
    pub(crate) message: String,
}

/// A source of responses.
pub(crate) trait Transport {
    /// The response to request `index` (0-based) of operation `operation_id`.
    fn send(
        &mut self,
        operation_id: &str,
        index: usize,
        req: &Built,
    ) -> Result<Response, NoResponse>;
}

/// `host:port` of a URL (the port made explicit).
pub(crate) fn authority(url: &reqwest::Url) -> Option<String> {
    Some(format!(
        "{}:{}",
        url.host_str()?.to_ascii_lowercase(),
        url.port_or_known_default()?
    ))
}

/// The live API.
pub(crate) struct Live {
    client: reqwest::blocking::Client,
    /// `host:port` the requests may go to.
    allowed: Vec<String>,
    timeout: Duration,
}

/// Redirects followed at most (each to an allowed host).
const MAX_REDIRECTS: usize = 5;

impl Live {
    /// A client for `allowed` (`host:port`, lower case). Loopback hosts never go through a
    /// proxy; others honour `HTTP(S)_PROXY` and `NO_PROXY`.
    pub(crate) fn new(
        allowed: Vec<String>,
        timeout: Duration,
        loopback: bool,
    ) -> Result<Live, String> {
        install_crypto_provider();
        let hosts = allowed.clone();
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > MAX_REDIRECTS {
                return attempt.stop();
            }
            let ok = authority(attempt.url()).is_some_and(|a| hosts.contains(&a));
            if ok { attempt.follow() } else { attempt.stop() }
        });
        let mut b = reqwest::blocking::Client::builder()
            .redirect(policy)
            .user_agent(concat!(
                "connkit/",
                env!("CARGO_PKG_VERSION"),
                " (connkit test)"
            ))
            .timeout(timeout)
            .connect_timeout(Duration::from_secs(10).min(timeout));
        if loopback {
            b = b.no_proxy();
        }
        let client = b
            .build()
            .map_err(|_| "cannot build the HTTP client".to_string())?;
        Ok(Live {
            client,
            allowed,
            timeout,
        })
    }
}

/// A reqwest error in words, without its URL (reqwest puts the full URL, query included, in
/// its `Display`).
fn describe(e: reqwest::Error) -> NoResponse {
    // The same words as `submit`'s: no URL, sources joined, a source naming a query dropped.
    let (kind, message) = crate::submit::http::describe(e);
    NoResponse {
        connect: kind == TransportKind::Connect,
        message: if kind == TransportKind::Timeout {
            format!("timed out ({message})")
        } else {
            message
        },
    }
}

impl Transport for Live {
    fn send(&mut self, _op: &str, _index: usize, req: &Built) -> Result<Response, NoResponse> {
        let label = format!("{} {}", req.method, redact_url(&req.url));
        let url = check_url(&req.url, &label).map_err(|m| NoResponse {
            connect: false,
            message: m,
        })?;
        match authority(&url) {
            Some(a) if self.allowed.contains(&a) => {}
            _ => {
                return Err(NoResponse {
                    connect: false,
                    message: format!(
                        "not sent: {} is not a host the definition, its policies or --base-url name",
                        url.host_str().unwrap_or("")
                    ),
                });
            }
        }
        let method =
            reqwest::Method::from_bytes(req.method.as_bytes()).map_err(|_| NoResponse {
                connect: false,
                message: format!("not sent: '{}' is not an HTTP method", req.method),
            })?;
        let mut rb = self.client.request(method, url).timeout(self.timeout);
        for (k, v) in &req.headers {
            rb = rb.header(k.as_str(), v.as_str());
        }
        if let Some(b) = &req.body {
            rb = rb.body(b.clone());
        }
        let resp = rb.send().map_err(describe)?;
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
        let (body, truncated) = read_capped(resp, MAX_RESPONSE_BYTES).map_err(|e| NoResponse {
            connect: false,
            message: format!("reading the response: {e}"),
        })?;
        Ok(Response {
            status,
            headers,
            body,
            truncated,
        })
    }
}

/// Whether a `--base-url` host is loopback (no proxy, and plain http allowed).
pub(crate) fn loopback(url: &reqwest::Url) -> bool {
    url.host_str().is_some_and(is_loopback_host)
}

/// A recorded exchange: the request's method and path, and the response.
#[derive(Debug, Clone)]
pub(crate) struct Recorded {
    pub(crate) method: String,
    /// The URL's path (no scheme, host or query).
    pub(crate) path: String,
    pub(crate) response: Response,
}

/// The path of a URL (no scheme, host, query or fragment).
pub(crate) fn url_path(url: &str) -> String {
    let no_query = &url[..url.find(['?', '#']).unwrap_or(url.len())];
    let after_scheme = no_query.split_once("://").map_or(no_query, |(_, r)| r);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_string(),
        None => "/".to_string(),
    }
}

/// Recorded responses (`--replay`), by operation and request index.
#[derive(Debug, Default)]
pub(crate) struct Replay {
    pub(crate) responses: HashMap<(String, usize), Recorded>,
}

impl Transport for Replay {
    fn send(&mut self, op: &str, index: usize, req: &Built) -> Result<Response, NoResponse> {
        let Some(rec) = self.responses.get(&(op.to_string(), index)) else {
            return Err(NoResponse {
                connect: false,
                message: "no recorded response for this request (record again with --record)"
                    .into(),
            });
        };
        // A response to another request says nothing about this one.
        let path = url_path(&req.url);
        if !rec.method.eq_ignore_ascii_case(&req.method) || rec.path != path {
            return Err(NoResponse {
                connect: false,
                message: format!(
                    "the recording answers {} {}, not {} {path} (record again with --record)",
                    rec.method, rec.path, req.method
                ),
            });
        }
        Ok(rec.response.clone())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn url_paths() {
        assert_eq!(
            super::url_path("http://127.0.0.1:8/v1/o/42?k=1#f"),
            "/v1/o/42"
        );
        assert_eq!(super::url_path("https://h"), "/");
    }
}
