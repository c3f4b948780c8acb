//! Findings → LSP diagnostics, one list per file of the connector.
//!
//! *For connkit's own benchmarks and tests.*

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Range, Uri,
};

use super::workspace::{Linted, Overlay};
use super::{navigate, text};
use crate::model::{FileKind, LineIndex};
use crate::rules::{Finding, Severity};

/// Where a finding is shown: its file when it exists (on disk or open), else the
/// connector's definition (or apiProperties.json) at its first line — a missing readme is
/// a finding about the connector, and the editor has to put it somewhere.
pub(crate) fn target_file(linted: &Linted, f: &Finding) -> Option<PathBuf> {
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

/// The text a finding's position refers to, with its line index (`None`: not a file of the
/// connector).
fn file_text<'a>(linted: &'a Linted, path: &Path) -> Option<(&'a str, &'a LineIndex)> {
    let c = &linted.connector;
    for k in [
        FileKind::Definition,
        FileKind::Properties,
        FileKind::Settings,
    ] {
        if let Some(d) = c.data_file(k).filter(|d| d.path == path) {
            return Some((&d.text, d.lines()));
        }
    }
    for k in [FileKind::Script, FileKind::Readme, FileKind::Intro] {
        if let Some(t) = c.text_file(k).filter(|t| t.path == path) {
            return Some((&t.text, t.lines()));
        }
    }
    None
}

/// The LSP position of a 1-based line and character column in a file of the connector.
fn position(linted: &Linted, path: &Path, line: usize, column: usize) -> lsp_types::Position {
    match file_text(linted, path) {
        Some((t, lines)) => text::position_indexed(t, lines, line, column),
        None => text::position("", line, column),
    }
}

/// The LSP position of a byte offset in a file of the connector.
fn position_of_offset(linted: &Linted, path: &Path, offset: usize) -> lsp_types::Position {
    match file_text(linted, path) {
        Some((t, lines)) => text::position_of_offset_indexed(t, lines, offset),
        None => text::position_of_offset("", offset),
    }
}

/// The 0-based UTF-16 range of a finding in `path` (its own file, or where it is shown).
pub(crate) fn range(linted: &Linted, f: &Finding, path: &Path) -> Range {
    if linted.connector.dir.join(&f.file) != path {
        return Range::default();
    }
    let start = position(linted, path, f.line, f.column);
    let mut end = position(linted, path, f.line, f.end_column.max(f.column + 1));
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
pub(crate) fn diagnostic(linted: &Linted, f: &Finding, path: &Path) -> Diagnostic {
    let rule = crate::catalog::find_in(crate::catalog::Family::Lint, f.code);
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
    let mut sites = None;
    for f in &linted.findings {
        if let Some(path) = target_file(linted, f) {
            let mut d = diagnostic(linted, f, &path);
            let related = related(linted, f, &mut sites);
            if !related.is_empty() {
                d.related_information = Some(related);
            }
            out.entry(path).or_default().push(d);
        }
    }
    out
}

/// At most this many related locations per diagnostic.
const MAX_RELATED: usize = 20;

/// Related locations, where they are cheap to know (from the navigation sites, computed once
/// per lint and only when a finding may use them):
/// - `OperationIdNotUnique`: the other operations' `operationId`s;
/// - a finding at or inside an `operationId` use (a dynamic value, schema, list, properties,
///   tree or notification; a policy template's or `scriptOperations`' entry): the operation
///   it calls, when it exists.
///
/// Other rules do not say which other place they mean, so their diagnostics have none.
pub(crate) fn related(
    linted: &Linted,
    f: &Finding,
    sites: &mut Option<Vec<navigate::Site>>,
) -> Vec<DiagnosticRelatedInformation> {
    let c = &linted.connector;
    let own = c.dir.join(&f.file);
    let is_data = [c.definition.as_ref(), c.properties.as_ref()]
        .into_iter()
        .flatten()
        .any(|d| d.path == own);
    // Only findings that can have related locations pay for the sites (a walk of the whole
    // definition): this runs on every lint of the editor loop.
    let may_relate = f.code == "OperationIdNotUnique"
        || navigate::CALLERS.iter().any(|k| f.pointer.contains(k))
        || f.pointer.starts_with("/properties/scriptOperations")
        || f.pointer.contains("x-ms-apimTemplate-operationName");
    if !is_data || f.pointer.is_empty() || !may_relate {
        return Vec::new();
    }
    let sites = sites.get_or_insert_with(|| navigate::sites(c));
    let mut out = Vec::new();
    let location = |path: &Path, span: crate::model::Span, message: &str| {
        Some(DiagnosticRelatedInformation {
            location: Location {
                uri: text::path_to_uri(path)?,
                range: Range::new(
                    position_of_offset(linted, path, span.start),
                    position_of_offset(linted, path, span.end),
                ),
            },
            message: message.to_string(),
        })
    };
    if f.code == "OperationIdNotUnique" {
        if let Some(me) = sites
            .iter()
            .find(|s| s.declaration && s.path == own && s.pointer == f.pointer)
        {
            out.extend(
                sites
                    .iter()
                    .filter(|s| s.declaration && s.name == me.name && s.pointer != me.pointer)
                    .filter_map(|s| location(&s.path, s.span, "the same operationId")),
            );
        }
    } else {
        let calls = sites.iter().find(|s| {
            !s.declaration
                && matches!(s.name, navigate::Name::Operation(_))
                && s.path == own
                && (s.pointer == f.pointer
                    || s.pointer.strip_suffix("/operationId").is_some_and(|ext| {
                        f.pointer == ext || f.pointer.starts_with(&format!("{ext}/"))
                    }))
        });
        if let Some(use_) = calls {
            out.extend(
                navigate::declarations(c, sites, &use_.name)
                    .into_iter()
                    .filter_map(|(p, span)| location(&p, span, "the operation called here")),
            );
        }
    }
    out.truncate(MAX_RELATED);
    out
}
