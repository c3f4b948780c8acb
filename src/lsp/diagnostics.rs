//! Findings → LSP diagnostics, one list per file of the connector.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lsp_types::{CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Range, Uri};

use super::text;
use super::workspace::{Linted, Overlay};
use crate::model::FileKind;
use crate::rules::{Finding, Severity};

/// Where a finding is shown: its file when it exists (on disk or open), else the
/// connector's definition (or apiProperties.json) at its first line — a missing readme is
/// a finding about the connector, and the editor has to put it somewhere.
pub fn target_file(linted: &Linted, f: &Finding) -> Option<PathBuf> {
    let c = &linted.connector;
    let own = c.dir.join(&f.file);
    let exists = c.file_paths().iter().any(|p| p == &own);
    if exists {
        return Some(own);
    }
    c.definition
        .as_ref()
        .map(|d| d.path.clone())
        .or_else(|| c.properties.as_ref().map(|p| p.path.clone()))
}

/// The text a finding's position refers to.
fn file_text<'a>(linted: &'a Linted, path: &Path) -> &'a str {
    let c = &linted.connector;
    for k in [
        FileKind::Definition,
        FileKind::Properties,
        FileKind::Settings,
    ] {
        if let Some(d) = c.data_file(k).filter(|d| d.path == path) {
            return &d.text;
        }
    }
    for k in [FileKind::Script, FileKind::Readme, FileKind::Intro] {
        if let Some(t) = c.text_file(k).filter(|t| t.path == path) {
            return &t.text;
        }
    }
    ""
}

/// The 0-based UTF-16 range of a finding in `path` (its own file, or where it is shown).
pub fn range(linted: &Linted, f: &Finding, path: &Path) -> Range {
    if linted.connector.dir.join(&f.file) != path {
        return Range::default();
    }
    let t = file_text(linted, path);
    let start = text::position(t, f.line, f.column);
    let mut end = text::position(t, f.line, f.end_column.max(f.column + 1));
    if end.character <= start.character {
        end.character = start.character + 1;
    }
    Range::new(start, end)
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One diagnostic. `data` carries what code actions and hover need back: the gate, the
/// JSON pointer and the file the finding is about.
pub fn diagnostic(linted: &Linted, f: &Finding, path: &Path) -> Diagnostic {
    let rule = crate::rules::find(f.code);
    let href = rule.and_then(|r| r.source.parse::<Uri>().ok());
    let shown_elsewhere = linted.connector.dir.join(&f.file) != path;
    let message = if shown_elsewhere {
        format!("{}: {} [{}]", f.file, f.message, f.gate.as_str())
    } else {
        format!("{} [{}]", f.message, f.gate.as_str())
    };
    Diagnostic {
        range: range(linted, f, path),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.to_string())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some("connkit".into()),
        message,
        related_information: None,
        tags: None,
        data: Some(serde_json::json!({
            "gate": f.gate.as_str(),
            "pointer": f.pointer,
            "file": f.file,
        })),
    }
}

/// Diagnostics per file: every file of the connector gets an entry (possibly empty, which
/// clears what the editor showed before).
pub fn by_file(linted: &Linted, overlay: &Overlay) -> BTreeMap<PathBuf, Vec<Diagnostic>> {
    let mut out: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for p in linted.connector.file_paths() {
        out.entry(p).or_default();
    }
    for (p, _) in overlay.in_dir(&linted.connector.dir) {
        if super::workspace::kind_of(&p.file_name().unwrap_or_default().to_string_lossy()).is_some()
        {
            out.entry(p.clone()).or_default();
        }
    }
    for f in &linted.findings {
        if let Some(path) = target_file(linted, f) {
            let d = diagnostic(linted, f, &path);
            out.entry(path).or_default().push(d);
        }
    }
    out
}
