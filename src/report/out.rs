//! Writing to stdout: every byte connkit prints on stdout goes through [`print()`].

use std::io::Write;

/// Everything connkit writes to stdout goes through here: secrets redacted
/// ([`crate::safe::redact`]), then stray control characters escaped
/// ([`crate::safe::terminal`]; renderers already escaped each untrusted field).
pub(crate) fn print(s: &str) -> bool {
    let redacted = crate::safe::redact(s);
    let s = crate::safe::terminal(&redacted);
    let mut out = std::io::stdout().lock();
    // A closed pipe (`connkit lint | head`) is not an error worth a panic.
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .is_ok()
}

/// One JSON document on stdout, made safe for a log ([`crate::safe::json`]) and redacted.
pub(crate) fn print_json(doc: &serde_json::Value) -> bool {
    print(&json_text(doc))
}

/// A JSON document as [`print_json`] prints it (pretty, one line break at the end, made safe
/// for a log), for renderers that print either text or JSON.
pub(crate) fn json_text(doc: &serde_json::Value) -> String {
    crate::safe::json(serde_json::to_string_pretty(doc).unwrap_or_default() + "\n")
}
