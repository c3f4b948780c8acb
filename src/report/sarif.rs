//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning (one run per invocation).
//!
//! Rules carry the summary, the explanation (full description and help) and the rule's source
//! as helpUri; results point at the file (a relative URI with `/`), line and column (columns
//! count Unicode code points, as connkit's do), with the JSON pointer as a logical location
//! and a fingerprint that does not depend on the line.

use serde_json::{Value, json};

use super::LintReport;
use super::run::ci_path;
use crate::rules::{self, Severity};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path (or an absolute one as a `file:` URI), percent-encoded as a URI reference.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    let p = path.replace('\\', "/");
    let (prefix, rest) = if p.starts_with('/') {
        ("file://", p.as_str())
    } else if p.as_bytes().get(1) == Some(&b':') && p.as_bytes().get(2) == Some(&b'/') {
        ("file:///", p.as_str())
    } else {
        ("", p.as_str())
    };
    out.push_str(prefix);
    for (i, b) in rest.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && prefix == "file:///" && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// 16 hex digits of SHA-256 over the parts (NUL-separated): stable across line moves.
fn fingerprint(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(parts.join("\u{0}").as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

pub fn render(report: &LintReport, run: &super::run::RunInfo) -> String {
    // Rules referenced by results, in registry order, then any code outside the registry.
    let mut codes: Vec<&'static str> = Vec::new();
    for r in rules::registry() {
        if report
            .connectors
            .iter()
            .flat_map(|c| &c.findings)
            .any(|f| f.code == r.code)
        {
            codes.push(r.code);
        }
    }
    for f in report.connectors.iter().flat_map(|c| &c.findings) {
        if !codes.contains(&f.code) {
            codes.push(f.code);
        }
    }
    let rule_objs: Vec<Value> = codes
        .iter()
        .map(|code| match rules::find(code).filter(|r| r.code == *code) {
            Some(r) => json!({
                "id": r.code,
                "name": r.code,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation},
                "help": {"text": r.explanation, "markdown": r.explanation},
                "helpUri": r.source,
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {
                    "tags": r.profiles.names(),
                    "gate": r.gate.as_str(),
                    "microsoftMessage": r.microsoft
                }
            }),
            None => json!({"id": code, "name": code, "shortDescription": {"text": code}}),
        })
        .collect();
    let mut results = Vec::new();
    for c in &report.connectors {
        for f in &c.findings {
            let index = codes.iter().position(|x| *x == f.code).unwrap_or(0);
            let path = ci_path(&c.path, &f.file);
            let mut location = json!({
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(&path)},
                    "region": {
                        "startLine": f.line.max(1),
                        "startColumn": f.column.max(1),
                        "endColumn": f.end_column.max(f.column.max(1) + 1)
                    }
                }
            });
            if !f.pointer.is_empty() {
                location["logicalLocations"] = json!([{
                    "fullyQualifiedName": f.pointer,
                    "kind": "member"
                }]);
            }
            let fingerprint = fingerprint(&[f.code, &path, &f.pointer, &f.message]);
            results.push(json!({
                "ruleId": f.code,
                "ruleIndex": index,
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [location],
                "partialFingerprints": {"connkitFinding/v1": fingerprint},
                "properties": {"gate": f.gate.as_str(), "profile": c.profile.as_str()}
            }));
        }
    }
    let doc = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "connkit",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rule_objs
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            // Suppressed and baselined findings are not results; how many there were is
            // still part of the record.
            "properties": {
                "suppressed": run.suppressed(),
                "baselined": run.baselined()
            }
        }]
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    crate::safe::json(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_slashes_or_file_uris() {
        assert_eq!(uri("a b/c#d.json"), "a%20b/c%23d.json");
        assert_eq!(uri("conn\\x.json"), "conn/x.json");
        assert_eq!(uri("/abs/x.json"), "file:///abs/x.json");
        assert_eq!(uri("C:\\x\\y.json"), "file:///C:/x/y.json");
        assert_eq!(uri("é.json"), "%C3%A9.json");
    }
}
