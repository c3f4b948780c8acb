//! Uploading a package to a blob through a SAS URL (Azure Put Blob), used verbatim.
//!
//! *For connkit's own benchmarks and tests.*

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

use super::http::{Http, Idempotency, Log, Method, Request, Secret, check_url, redact_url};

/// Partner Center wants the package SAS link valid for at least this long (submission.md A.1;
/// some sources say 4 days, 15 is the safe side).
pub(crate) const MIN_SAS_VALIDITY_DAYS: u64 = 15;

/// Single Put Blob limit we accept. Azure allows more for recent service versions (5000 MiB),
/// but the older 256 MiB limit is the conservative bound; connector packages are tens of KB.
pub(crate) const MAX_SINGLE_PUT: u64 = 256 * 1024 * 1024;

/// Blob service version sent with `x-ms-version`.
pub(crate) const BLOB_API_VERSION: &str = "2021-08-06";

/// The value of one query parameter of a URL, percent-decoded.
pub(crate) fn query_param(url: &str, name: &str) -> Option<String> {
    let q = url.split_once('?')?.1;
    let q = q.split('#').next().unwrap_or("");
    q.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == name).then(|| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Parse a SAS `se=` value: `YYYY-MM-DD`, `YYYY-MM-DDThh:mmZ` or `YYYY-MM-DDThh:mm:ss[.f]Z`
/// (ISO 8601 UTC, as Azure accepts).
pub(crate) fn parse_sas_time(s: &str) -> Option<SystemTime> {
    let s = s.trim();
    let num = |a: usize, b: usize| -> Option<i64> {
        let t = s.get(a..b)?;
        if t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    let (y, mo, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    if s.get(4..5)? != "-"
        || s.get(7..8)? != "-"
        || !(1..=12).contains(&mo)
        || !(1..=31).contains(&d)
    {
        return None;
    }
    let (mut h, mut mi, mut se) = (0, 0, 0);
    if s.len() > 10 {
        let rest = s.get(10..)?;
        if !rest.starts_with('T') || !rest.ends_with('Z') {
            return None;
        }
        h = num(11, 13)?;
        mi = num(14, 16)?;
        if s.get(13..14)? != ":" {
            return None;
        }
        if s.len() > 17 {
            if s.get(16..17)? != ":" {
                return None;
            }
            se = num(17, 19)?;
        }
        if h > 23 || mi > 59 || se > 60 {
            return None;
        }
    }
    let secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
    u64::try_from(secs)
        .ok()
        .map(|s| UNIX_EPOCH + Duration::from_secs(s))
}

/// What to say about a SAS URL's expiry, if anything.
/// Why a SAS URL can no longer be used (its `se=` is in the past), or `None`. Uploading
/// with it would fail with 403 after the bytes are sent, and the link could not be handed to
/// Partner Center anyway.
pub(crate) fn sas_expired(url: &str, now: SystemTime) -> Option<String> {
    let se = query_param(url, "se")?;
    let when = parse_sas_time(&se)?;
    now.duration_since(when).ok().map(|ago| {
        format!(
            "the SAS URL expired at {se} ({:.1} days ago): create a new SAS (valid for at least {MIN_SAS_VALIDITY_DAYS} days) and try again",
            ago.as_secs_f64() / 86400.0
        )
    })
}

pub(crate) fn sas_expiry_warning(url: &str, now: SystemTime) -> Option<String> {
    let Some(se) = query_param(url, "se") else {
        return Some("the SAS URL has no se= (expiry) parameter; Partner Center needs the link valid for at least 15 days".into());
    };
    let Some(when) = parse_sas_time(&se) else {
        return Some(format!("cannot read the SAS expiry se={se}"));
    };
    match when.duration_since(now) {
        Err(_) => Some(format!("the SAS URL expired at {se}")),
        Ok(left) if left < Duration::from_secs(MIN_SAS_VALIDITY_DAYS * 86400) => Some(format!(
            "the SAS URL expires at {se}, in {:.1} days; Partner Center needs the package link valid for at least {MIN_SAS_VALIDITY_DAYS} days",
            left.as_secs_f64() / 86400.0
        )),
        Ok(_) => None,
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, serde::Serialize)]
pub(crate) struct UploadResult {
    /// The blob URL without its query.
    pub(crate) url: String,
    pub(crate) bytes: u64,
    pub(crate) sha256: String,
    /// Whether the stored length was read back (needs read permission in the SAS).
    pub(crate) length_verified: bool,
}

/// PUT the bytes as a block blob. No Authorization header: the SAS query authorises it.
pub(crate) fn put_blob(
    http: &Http,
    sas_url: &Secret,
    bytes: &[u8],
    log: Log,
) -> Result<UploadResult, String> {
    let shown = redact_url(sas_url.expose());
    check_url(sas_url.expose(), "SAS URL")?;
    let len = bytes.len() as u64;
    if len > MAX_SINGLE_PUT {
        return Err(format!(
            "the package is {len} bytes; connkit uploads with a single Put Blob of at most {MAX_SINGLE_PUT} bytes"
        ));
    }
    log(&format!("uploading {len} bytes to {shown}"));
    let req = Request {
        method: Method::Put,
        url: sas_url.clone(),
        headers: vec![
            ("x-ms-blob-type".into(), Secret::new("BlockBlob")),
            ("x-ms-version".into(), Secret::new(BLOB_API_VERSION)),
            (
                "content-type".into(),
                Secret::new("application/octet-stream"),
            ),
        ],
        body: Some(bytes.to_vec()),
        timeout: http.policy.upload_timeout,
        idempotency: Idempotency::Safe,
    };
    let resp = http.send(&req, log).map_err(|e| e.to_string())?;
    if resp.status != 201 {
        return Err(format!(
            "upload to {shown} failed: HTTP {} (expected 201 Created){}{}",
            resp.status,
            storage_error(&resp.body),
            resp.truncation_note()
        ));
    }
    // Read the length back when the SAS grants read (sp contains r).
    let can_read = query_param(sas_url.expose(), "sp").is_some_and(|p| p.contains('r'));
    let mut length_verified = false;
    if can_read {
        let head = Request {
            method: Method::Head,
            url: sas_url.clone(),
            headers: vec![("x-ms-version".into(), Secret::new(BLOB_API_VERSION))],
            body: None,
            timeout: http.policy.request_timeout,
            idempotency: Idempotency::Safe,
        };
        let r = http.send(&head, log).map_err(|e| e.to_string())?;
        if r.ok() {
            let stored = r
                .header("content-length")
                .and_then(|v| v.trim().parse::<u64>().ok());
            match stored {
                Some(n) if n == len => length_verified = true,
                Some(n) => {
                    return Err(format!(
                        "upload to {shown}: the blob holds {n} bytes, expected {len}"
                    ));
                }
                None => log("the blob's length could not be read back (no Content-Length)"),
            }
        } else {
            log(&format!(
                "could not read the blob back (HTTP {}); length not verified",
                r.status
            ));
        }
    }
    Ok(UploadResult {
        url: shown,
        bytes: len,
        sha256: sha256_hex(bytes),
        length_verified,
    })
}

/// The `<Code>` of an Azure Storage XML error body, as a hint.
fn storage_error(body: &[u8]) -> String {
    let s = String::from_utf8_lossy(body);
    match (s.find("<Code>"), s.find("</Code>")) {
        (Some(a), Some(b)) if b > a + 6 => format!(
            ": {}",
            s.get(a + 6..b)
                .unwrap_or("")
                .chars()
                .take(200)
                .collect::<String>()
        ),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> SystemTime {
        parse_sas_time(s).unwrap()
    }

    #[test]
    fn sas_time_formats() {
        assert_eq!(ts("1970-01-02"), UNIX_EPOCH + Duration::from_secs(86400));
        assert_eq!(
            ts("2024-02-29T12:30:15Z")
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_secs(),
            1709209815
        );
        assert_eq!(
            ts("2024-02-29T12:30Z")
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_secs(),
            1709209800
        );
        assert!(parse_sas_time("2024-13-01").is_none());
        assert!(parse_sas_time("2024-02-29T12:30:15").is_none());
        assert!(parse_sas_time("tomorrow").is_none());
        assert!(parse_sas_time("").is_none());
        assert!(parse_sas_time("2024-02-29T1é:30Z").is_none());
    }

    #[test]
    fn query_params_are_decoded() {
        let u = "https://a/b/c.zip?sv=2022&se=2030-01-01T00%3A00%3A00Z&sp=rw&sig=a%2Bb";
        assert_eq!(
            query_param(u, "se").as_deref(),
            Some("2030-01-01T00:00:00Z")
        );
        assert_eq!(query_param(u, "sig").as_deref(), Some("a+b"));
        assert_eq!(query_param(u, "x"), None);
        assert_eq!(query_param("https://a/b", "se"), None);
    }

    #[test]
    fn expiry_warning_under_fifteen_days() {
        let now = ts("2030-01-01");
        assert!(sas_expiry_warning("https://a/b?se=2030-02-01&sig=x", now).is_none());
        let w = sas_expiry_warning("https://a/b?se=2030-01-10&sig=x", now).unwrap();
        assert!(w.contains("9.0 days"), "{w}");
        assert!(
            sas_expiry_warning("https://a/b?se=2029-12-31&sig=x", now)
                .unwrap()
                .contains("expired")
        );
        assert!(sas_expiry_warning("https://a/b?sig=x", now).is_some());
        let w = sas_expiry_warning("https://a/b?se=garbage&sig=SIG", now).unwrap();
        assert!(!w.contains("SIG"));
    }

    #[test]
    fn sha256_of_empty() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
