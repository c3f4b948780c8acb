//! Microsoft Entra client-credentials tokens (v1 and v2 endpoints), kept in memory only.

use std::cell::RefCell;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::http::{Http, Idempotency, Log, Method, Request, Secret, redact_url};

/// Which token endpoint to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenEndpoint {
    /// `/<tenant>/oauth2/token` with `resource=<resource>` (the Partner Center onboarding doc).
    V1,
    /// `/<tenant>/oauth2/v2.0/token` with `scope=<resource>/.default`.
    V2,
}

pub(crate) struct Credentials {
    pub(crate) tenant_id: String,
    pub(crate) client_id: String,
    pub(crate) client_secret: Secret,
}

/// A token and the instant it stops being valid.
pub(crate) struct Token {
    pub(crate) access_token: Secret,
    pub(crate) expires_at: SystemTime,
    /// The lifetime announced at issue time (used for the refresh margin).
    pub(crate) lifetime: Duration,
}

fn number(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Parse a token response. v1 sends numbers as strings and `expires_on` (epoch seconds); v2
/// sends JSON numbers and no `expires_on`. `expires_on` wins when present.
pub(crate) fn parse_token_response(body: &Value, now: SystemTime) -> Result<Token, String> {
    let token = body
        .get("access_token")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or("the token response has no access_token")?;
    if let Some(tt) = body.get("token_type").and_then(Value::as_str)
        && !tt.eq_ignore_ascii_case("bearer")
    {
        return Err(format!("unexpected token_type '{tt}' (expected Bearer)"));
    }
    let expires_in = number(body.get("expires_in"));
    let expires_on = number(body.get("expires_on"));
    let expires_at = match (expires_on, expires_in) {
        (Some(on), _) => UNIX_EPOCH + Duration::from_secs(on),
        (None, Some(secs)) => now + Duration::from_secs(secs),
        (None, None) => {
            return Err("the token response has neither expires_on nor expires_in".into());
        }
    };
    let lifetime = match expires_in {
        Some(secs) => Duration::from_secs(secs),
        None => expires_at.duration_since(now).unwrap_or(Duration::ZERO),
    };
    Ok(Token {
        access_token: Secret::redacted(token),
        expires_at,
        lifetime,
    })
}

/// Describe a token error: the OAuth `error` code and the AADSTS number as hints. The
/// description text is kept to its first line (it never holds the secret).
pub(crate) fn describe_token_error(status: u16, body: &[u8]) -> String {
    let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let code = v.get("error").and_then(Value::as_str).unwrap_or("");
    let desc = v
        .get("error_description")
        .and_then(Value::as_str)
        .and_then(|d| d.lines().next())
        .unwrap_or("");
    let hint = if desc.starts_with("AADSTS7000215") || desc.starts_with("AADSTS70002:") {
        " (is AZURE_CLIENT_SECRET the secret's value, not its ID?)"
    } else if desc.starts_with("AADSTS7000222") {
        " (the client secret has expired: create a new one)"
    } else if desc.starts_with("AADSTS700016") {
        " (AZURE_CLIENT_ID is not an application in that tenant)"
    } else if desc.starts_with("AADSTS90002") || desc.starts_with("AADSTS900023") {
        " (check AZURE_TENANT_ID)"
    } else if desc.starts_with("AADSTS500011") {
        " (the Partner Center API is not provisioned in that tenant)"
    } else {
        ""
    };
    if code.is_empty() {
        format!("token request failed: HTTP {status}")
    } else {
        format!("token request failed: HTTP {status} {code}: {desc}{hint}")
    }
}

/// An in-memory token cache. Tokens are never written anywhere.
pub(crate) struct TokenSource {
    pub(crate) creds: Credentials,
    pub(crate) authority: String,
    pub(crate) endpoint: TokenEndpoint,
    pub(crate) resource: String,
    cached: RefCell<Option<Token>>,
    /// How many tokens were acquired (for the final report).
    pub(crate) acquired: RefCell<u32>,
}

impl TokenSource {
    pub(crate) fn new(
        creds: Credentials,
        authority: &str,
        endpoint: TokenEndpoint,
        resource: &str,
    ) -> Self {
        TokenSource {
            creds,
            authority: authority.trim_end_matches('/').to_string(),
            endpoint,
            resource: resource.trim_end_matches('/').to_string(),
            cached: RefCell::new(None),
            acquired: RefCell::new(0),
        }
    }

    pub(crate) fn url(&self) -> String {
        let tenant = &self.creds.tenant_id;
        match self.endpoint {
            TokenEndpoint::V1 => format!("{}/{tenant}/oauth2/token", self.authority),
            TokenEndpoint::V2 => format!("{}/{tenant}/oauth2/v2.0/token", self.authority),
        }
    }

    /// The form body, percent-encoded (the secret stays inside a `Secret`).
    fn form(&self) -> Secret {
        let mut f: Vec<(&str, String)> = vec![
            ("grant_type", "client_credentials".into()),
            ("client_id", self.creds.client_id.clone()),
            (
                "client_secret",
                self.creds.client_secret.expose().to_string(),
            ),
        ];
        match self.endpoint {
            TokenEndpoint::V1 => f.push(("resource", self.resource.clone())),
            TokenEndpoint::V2 => f.push(("scope", format!("{}/.default", self.resource))),
        }
        let enc: Vec<String> = f
            .iter()
            .map(|(k, v)| format!("{k}={}", form_encode(v)))
            .collect();
        Secret::new(enc.join("&"))
    }

    /// Time before expiry at which a cached token is replaced: 5 minutes, or a tenth of a short
    /// lifetime.
    fn margin(lifetime: Duration) -> Duration {
        Duration::from_secs(300).min(lifetime / 10)
    }

    /// Drop the cached token (after a 401).
    pub(crate) fn invalidate(&self) {
        self.cached.borrow_mut().take();
    }

    /// A valid token: the cached one, or a fresh one when it is missing or close to expiry.
    pub(crate) fn get(&self, http: &Http, log: Log) -> Result<Secret, String> {
        if let Some(t) = self.cached.borrow().as_ref() {
            let now = SystemTime::now();
            if t.expires_at > now + Self::margin(t.lifetime) {
                return Ok(t.access_token.clone());
            }
        }
        let fresh = self.acquire(http, log)?;
        let token = fresh.access_token.clone();
        *self.cached.borrow_mut() = Some(fresh);
        Ok(token)
    }

    fn acquire(&self, http: &Http, log: Log) -> Result<Token, String> {
        let url = self.url();
        log(&format!("requesting a token from {}", redact_url(&url)));
        let req = Request {
            method: Method::Post,
            url: Secret::new(url.clone()),
            headers: vec![
                (
                    "content-type".into(),
                    Secret::new("application/x-www-form-urlencoded"),
                ),
                ("accept".into(), Secret::new("application/json")),
            ],
            body: Some(self.form().expose().as_bytes().to_vec()),
            timeout: http.policy.request_timeout,
            // A token request creates nothing: always safe to resend.
            idempotency: Idempotency::Safe,
        };
        let resp = http.send(&req, log).map_err(|e| e.to_string())?;
        if !resp.ok() {
            return Err(describe_token_error(resp.status, &resp.body) + resp.truncation_note());
        }
        let v = resp.json().ok_or_else(|| {
            format!(
                "token response from {} is not JSON{}",
                redact_url(&url),
                resp.truncation_note()
            )
        })?;
        let t = parse_token_response(&v, SystemTime::now())?;
        *self.acquired.borrow_mut() += 1;
        Ok(t)
    }
}

/// `application/x-www-form-urlencoded` encoding of one value.
pub(crate) fn form_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn v1_string_numbers_prefer_expires_on() {
        let v = json!({"token_type":"Bearer","expires_in":"3599","ext_expires_in":"3600",
            "expires_on":"1546469802","not_before":"1546465902",
            "resource":"https://api.partner.microsoft.com","access_token":"AT"});
        let t = parse_token_response(&v, at(1546466203)).unwrap();
        assert_eq!(t.expires_at, at(1546469802));
        assert_eq!(t.lifetime, Duration::from_secs(3599));
        assert_eq!(t.access_token.expose(), "AT");
    }

    #[test]
    fn v2_numbers_without_expires_on() {
        let v = json!({"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"AT"});
        let t = parse_token_response(&v, at(1000)).unwrap();
        assert_eq!(t.expires_at, at(4599));
    }

    #[test]
    fn malformed_token_responses_are_errors() {
        for v in [
            json!({}),
            json!({"access_token": "", "expires_in": 5}),
            json!({"access_token": "x"}),
            json!({"access_token": "x", "expires_in": "soon"}),
            json!({"access_token": 5, "expires_in": 5}),
            json!({"access_token": "x", "expires_in": 5, "token_type": "mac"}),
            json!([1, 2]),
        ] {
            assert!(parse_token_response(&v, at(0)).is_err(), "{v}");
        }
    }

    #[test]
    fn token_error_hints() {
        let body = br#"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x"}"#;
        let m = describe_token_error(401, body);
        assert!(
            m.contains("invalid_client") && m.contains("AADSTS7000215"),
            "{m}"
        );
        assert!(m.contains("value, not its ID"), "{m}");
        assert!(!m.contains("Trace ID"), "{m}");
        assert_eq!(
            describe_token_error(500, b"<html>"),
            "token request failed: HTTP 500"
        );
    }

    #[test]
    fn margin_is_five_minutes_or_a_tenth() {
        assert_eq!(
            TokenSource::margin(Duration::from_secs(3600)),
            Duration::from_secs(300)
        );
        assert_eq!(
            TokenSource::margin(Duration::from_secs(10)),
            Duration::from_secs(1)
        );
    }

    #[test]
    fn form_encoding_and_endpoints() {
        assert_eq!(form_encode("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
        let mk = |e| {
            TokenSource::new(
                Credentials {
                    tenant_id: "t1".into(),
                    client_id: "c1".into(),
                    client_secret: Secret::new("s&1"),
                },
                "https://login.microsoftonline.com/",
                e,
                "https://api.partner.microsoft.com",
            )
        };
        let v1 = mk(TokenEndpoint::V1);
        assert_eq!(
            v1.url(),
            "https://login.microsoftonline.com/t1/oauth2/token"
        );
        assert_eq!(
            v1.form().expose(),
            "grant_type=client_credentials&client_id=c1&client_secret=s%261&resource=https%3A%2F%2Fapi.partner.microsoft.com"
        );
        let v2 = mk(TokenEndpoint::V2);
        assert_eq!(
            v2.url(),
            "https://login.microsoftonline.com/t1/oauth2/v2.0/token"
        );
        assert!(
            v2.form()
                .expose()
                .ends_with("&scope=https%3A%2F%2Fapi.partner.microsoft.com%2F.default")
        );
    }
}
