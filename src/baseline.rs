//! Baselines: accept the findings a repository has today and report only new ones.
//!
//! An entry is code + connector path + file + JSON pointer + a hash of the message, so it
//! survives lines moving around; identical entries are counted (a multiset).

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::report::LintReport;
use crate::rules::Finding;

pub(crate) const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    pub(crate) code: String,
    /// The connector's path as reported, with `/`.
    pub(crate) connector: String,
    pub(crate) file: String,
    pub(crate) pointer: String,
    /// First 16 hex digits of the SHA-256 of the message.
    pub(crate) message_hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Baseline {
    pub(crate) version: u32,
    pub(crate) tool: String,
    pub(crate) entries: Vec<Entry>,
}

/// The result of filtering a report through a baseline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Findings removed because the baseline has them, per connector.
    pub(crate) matched: usize,
    /// Baseline entries that no longer occur.
    pub(crate) stale: usize,
}

pub(crate) fn message_hash(message: &str) -> String {
    let d = Sha256::digest(message.as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn connector_key(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    p.trim_end_matches('/').to_string()
}

pub(crate) fn entry(connector: &str, f: &Finding) -> Entry {
    Entry {
        code: f.code.to_string(),
        connector: connector_key(connector),
        file: f.file.clone(),
        pointer: f.pointer.clone(),
        message_hash: message_hash(&f.message),
    }
}

/// A connector's key anchored to the baseline file's folder `anchor`: its path relative to
/// that folder (with `/`, `..` for connectors outside it), so a baseline matches wherever
/// lint runs from.
pub(crate) fn anchored_key(connector: &str, anchor: &Path) -> String {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let anchor = canon(if anchor.as_os_str().is_empty() {
        Path::new(".")
    } else {
        anchor
    });
    let target = canon(Path::new(connector));
    if !target.is_absolute() || !anchor.is_absolute() {
        return connector_key(connector);
    }
    // The relative path from the anchor to the connector, `..` where needed.
    let (a, t): (Vec<_>, Vec<_>) = (anchor.components().collect(), target.components().collect());
    let common = a.iter().zip(&t).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return connector_key(connector);
    }
    let mut parts: Vec<String> = vec!["..".into(); a.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

/// The keys of a report's connectors, anchored to `anchor` (the baseline file's folder).
pub(crate) fn keys_at(report: &LintReport, anchor: &Path) -> Vec<String> {
    report
        .connectors
        .iter()
        .map(|c| anchored_key(&c.path, anchor))
        .collect()
}

impl Baseline {
    /// A baseline whose connector `i` is recorded as `keys[i]` (see [`keys_at`]).
    pub(crate) fn from_report(report: &LintReport, keys: &[String]) -> Baseline {
        let mut entries: Vec<Entry> = report
            .connectors
            .iter()
            .zip(keys)
            .flat_map(|(c, k)| c.findings.iter().map(move |f| entry(k, f)))
            .collect();
        entries.sort_by(|a, b| {
            (&a.connector, &a.file, &a.pointer, &a.code, &a.message_hash).cmp(&(
                &b.connector,
                &b.file,
                &b.pointer,
                &b.code,
                &b.message_hash,
            ))
        });
        Baseline {
            version: VERSION,
            tool: "connkit".into(),
            entries,
        }
    }

    pub(crate) fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Parse a baseline file's text; the error says what is wrong and where.
    pub(crate) fn parse(text: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| {
            format!(
                "not a connkit baseline (line {}, column {}: {e})",
                e.line(),
                e.column()
            )
        })?;
        if b.version != VERSION {
            return Err(format!(
                "baseline version {} is not supported (expected {VERSION})",
                b.version
            ));
        }
        Ok(b)
    }

    pub(crate) fn load(path: &Path) -> Result<Baseline, String> {
        let text = crate::fsx::read_text(path, crate::fsx::MAX_TEXT_BYTES)
            .map_err(|e| format!("cannot read baseline: {e}"))?;
        Baseline::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Remove findings the baseline has, connector `i` looked up as `keys[i]` (see
    /// [`keys_at`]); `matched` per connector is returned in `per`.
    pub(crate) fn filter(
        &self,
        report: &mut LintReport,
        per: &mut [usize],
        keys: &[String],
    ) -> Outcome {
        let mut left: HashMap<&Entry, usize> = HashMap::new();
        for e in &self.entries {
            *left.entry(e).or_default() += 1;
        }
        let mut out = Outcome::default();
        for (i, c) in report.connectors.iter_mut().enumerate() {
            let path = keys.get(i).cloned().unwrap_or_else(|| c.path.clone());
            let before = c.findings.len();
            c.findings.retain(|f| {
                let key = entry(&path, f);
                match left.get_mut(&key) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                }
            });
            let removed = before - c.findings.len();
            out.matched += removed;
            if let Some(slot) = per.get_mut(i) {
                *slot += removed;
            }
        }
        out.stale = left.values().sum();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ConnectorReport;
    use crate::rules::{Profile, Severity};

    fn f(code: &'static str, pointer: &str, line: usize, message: &str) -> Finding {
        Finding {
            code,
            severity: Severity::Error,
            gate: crate::core::Gate::Pipeline,
            file: "apiDefinition.swagger.json".into(),
            pointer: pointer.into(),
            line,
            column: 1,
            message: message.into(),
            end_column: 2,
            source_line: None,
            source_column: 1,
        }
    }

    fn report(findings: Vec<Finding>) -> LintReport {
        LintReport {
            connectors: vec![ConnectorReport {
                path: "./c".into(),
                profile: Profile::Custom,
                profile_source: crate::core::ProfileSource::Default,
                findings,
            }],
        }
    }

    #[test]
    fn survives_line_shifts_and_reports_new_and_stale() {
        let old = report(vec![
            f("A", "/x", 10, "one"),
            f("A", "/x", 11, "one"),
            f("B", "/y", 12, "gone"),
        ]);
        let b =
            Baseline::parse(&Baseline::from_report(&old, &["c".to_string()]).to_json()).unwrap();
        assert_eq!(b.entries.len(), 3);
        assert_eq!(b.entries[0].connector, "c");
        let mut now = report(vec![
            f("A", "/x", 40, "one"),
            f("A", "/x", 41, "one"),
            f("A", "/x", 42, "one"),
            f("A", "/x", 43, "changed message"),
        ]);
        let mut per = vec![0];
        let o = b.filter(&mut now, &mut per, &["c".to_string()]);
        assert_eq!(
            o,
            Outcome {
                matched: 2,
                stale: 1
            }
        );
        assert_eq!(per, [2]);
        let left: Vec<_> = now.connectors[0].findings.iter().map(|f| f.line).collect();
        assert_eq!(left, [42, 43]);
    }

    #[test]
    fn corrupt_baselines_are_rejected() {
        assert!(Baseline::parse("{").unwrap_err().contains("line 1"));
        assert!(Baseline::parse("[]").is_err());
        assert!(
            Baseline::parse(r#"{"version":2,"tool":"connkit","entries":[]}"#)
                .unwrap_err()
                .contains("version 2")
        );
        assert!(
            Baseline::parse(r#"{"version":1,"tool":"connkit","entries":[{"code":"A"}]}"#).is_err()
        );
        assert!(Baseline::parse(r#"{"version":1,"tool":"connkit","entries":[]}"#).is_ok());
    }
}
