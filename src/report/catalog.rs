//! Renderers of the catalog ([`crate::catalog`]): `connkit rules` (lint rules, or every code
//! with `--all`), `connkit diff --list-rules`, and `connkit explain CODE`.

use serde::Serialize;

use super::TextOrJson;
use super::out::json_text;
use crate::catalog::{CatalogEntry, Details, Family};
use crate::core::{Doc, Gate, Severity};

/// One lint rule in `connkit rules --format json`.
#[derive(Serialize)]
struct RuleInfo {
    code: &'static str,
    severity: Severity,
    gate: Gate,
    evidence: String,
    microsoft_message: Option<&'static str>,
    profiles: Vec<&'static str>,
    file: crate::model::FileKind,
    summary: &'static str,
    explanation: Doc,
    source: &'static str,
    fixable: bool,
    family: Family,
}

/// The width `connkit rules` fits in.
const LISTING_WIDTH: usize = 100;

/// One entry of `connkit rules`: the code (and `[fixable]`) on its own line, so any code
/// fits, then what it is, wrapped and indented, within [`LISTING_WIDTH`] columns.
fn listing_entry(code: &str, what: &str, fixable: bool) -> String {
    let mut s = String::from(code);
    if fixable {
        s.push_str("  [fixable]");
    }
    s.push('\n');
    s.push_str(&super::text::wrap(what, "    ", LISTING_WIDTH));
    s
}

/// `connkit rules`: the lint rules `shown`, one entry each.
/// `connkit rules` in `format`: the lint rules, or with `all` every code shown.
pub(crate) fn rules(format: TextOrJson, all: bool, shown: &[CatalogEntry]) -> String {
    match (format, all) {
        (TextOrJson::Json, false) => json_text(&lint_rules_json(shown)),
        (TextOrJson::Json, true) => json_text(&all_json(shown)),
        (TextOrJson::Text, false) => lint_rules_text(shown),
        (TextOrJson::Text, true) => all_text(shown),
    }
}

/// `connkit diff --list-rules`, as JSON when `json`.
pub(crate) fn diff_rules(json: bool, entries: &[CatalogEntry]) -> String {
    if json {
        json_text(&diff_rules_json(entries))
    } else {
        diff_rules_text(entries)
    }
}

pub(crate) fn lint_rules_text(shown: &[CatalogEntry]) -> String {
    let mut s = String::new();
    for r in shown.iter().filter_map(CatalogEntry::lint_rule) {
        let names = r.profiles.names();
        let profiles = if names.len() == 3 {
            "all profiles".to_string()
        } else {
            names.join(", ")
        };
        s.push_str(&listing_entry(
            r.code,
            &format!(
                "{}, gate {}, {profiles}: {}",
                r.severity.as_str(),
                r.gate.as_str(),
                r.summary
            ),
            r.fix.is_some(),
        ));
    }
    s.push_str(&format!(
        "{} rules; `connkit explain CODE` explains one\n",
        shown.len()
    ));
    s
}

/// `connkit rules --format json`: `{"schema_version": 1, "tool", "rules": [...]}`.
pub(crate) fn lint_rules_json(shown: &[CatalogEntry]) -> serde_json::Value {
    let list: Vec<RuleInfo> = shown
        .iter()
        .filter_map(CatalogEntry::lint_rule)
        .map(|r| RuleInfo {
            code: r.code,
            severity: r.severity,
            gate: r.gate,
            evidence: r.evidence(),
            microsoft_message: r.microsoft,
            profiles: r.profiles.names(),
            file: r.file,
            summary: r.summary,
            explanation: r.explanation,
            source: r.source,
            fixable: r.fix.is_some(),
            family: Family::Lint,
        })
        .collect();
    serde_json::json!({"schema_version": 1, "tool": super::json::tool(), "rules": list})
}

/// `connkit rules --all`: every code with its family.
pub(crate) fn all_text(shown: &[CatalogEntry]) -> String {
    let mut s = String::new();
    for e in shown {
        let gate = e.gate.map(|g| format!(", gate {}", g.as_str()));
        s.push_str(&listing_entry(
            e.code,
            &format!(
                "{} {}{}: {}",
                e.family.as_str(),
                e.severity,
                gate.unwrap_or_default(),
                e.summary
            ),
            e.fix.is_some(),
        ));
    }
    s.push_str(&format!("{} codes\n", shown.len()));
    s
}

/// `connkit rules --all --format json`.
pub(crate) fn all_json(shown: &[CatalogEntry]) -> serde_json::Value {
    serde_json::json!({"schema_version": 1, "tool": super::json::tool(), "rules": shown})
}

/// `connkit diff --list-rules`: the diff rules, one line each.
pub(crate) fn diff_rules_text(entries: &[CatalogEntry]) -> String {
    let w = entries.iter().map(|e| e.code.len()).max().unwrap_or(10);
    let mut s = String::new();
    for r in entries.iter().filter_map(CatalogEntry::diff_rule) {
        s.push_str(&format!(
            "{:<w$}  {:<8}  {:<10}  {}\n",
            r.code,
            r.severity.as_str(),
            r.area,
            r.summary
        ));
    }
    s.push_str(&format!("{} diff rules\n", entries.len()));
    s
}

/// `connkit diff --list-rules --format json`: `{"schema_version": 1, "rules": [...]}`.
pub(crate) fn diff_rules_json(entries: &[CatalogEntry]) -> serde_json::Value {
    let list: Vec<_> = entries
        .iter()
        .filter_map(CatalogEntry::diff_rule)
        .map(|r| {
            serde_json::json!({"code": r.code, "severity": r.severity, "gate": r.gate, "area": r.area,
                "summary": r.summary, "explanation": r.explanation,
                "microsoft": r.microsoft, "source": r.source})
        })
        .collect();
    serde_json::json!({"schema_version": 1, "rules": list})
}

/// `connkit explain CODE`: what the entry's family knows about it.
pub(crate) fn explain(e: &CatalogEntry) -> String {
    match e.details {
        Details::Lint(r) => {
            // The declaration's own sections (Why, Example, Evidence), then what its fields add.
            let mut body = r.explanation.text();
            if r.explanation.section("Evidence").is_none() {
                body.push_str(&format!("\n\n### Evidence\n{}", r.evidence()));
            }
            if let Some(m) = r.microsoft {
                body.push_str(&format!("\n\n### Microsoft's message\n\"{m}\""));
            }
            if let Some(f) = r.fix {
                body.push_str(&format!("\n\n### Fix\n`lint --fix`: {}", f.summary));
            }
            format!(
                "{}\n\n  severity: {}\n  gate:     {} ({})\n  profiles: {}\n  file:     {}\n\n{}\n\n{body}\n\nSource: {}\n",
                r.code,
                r.severity.as_str(),
                r.gate.as_str(),
                r.gate.describe(),
                r.profiles.names().join(", "),
                crate::model::FileKind::default_name(r.file),
                r.summary,
                r.source
            )
        }
        Details::Diff(r) => format!(
            "{}  (diff rule)\n\n  severity: {}\n  gate:     {}\n  area:     {}\n\n{}\n\n{}\n{}\nSource: {} (docs/breaking-changes.md)\n",
            r.code,
            r.severity.as_str(),
            super::diff::diff_gate_note(r),
            r.area,
            r.summary,
            r.explanation,
            r.microsoft
                .map(|m| format!("\nMicrosoft's message: \"{m}.\"\n"))
                .unwrap_or_default(),
            r.source
        ),
        Details::Package | Details::Convert | Details::Test => {
            let explanation = e.explanation.text();
            let explanation = if explanation.is_empty() {
                String::new()
            } else {
                format!("{explanation}\n\n")
            };
            format!(
                "{}  ({})\n\n  severity: {}\n\n{}\n\n{explanation}Source: {}\n",
                e.code,
                e.family.noun(),
                e.severity,
                e.summary,
                e.source
            )
        }
    }
}

/// `connkit explain` of an unknown code: the lines for stderr, with up to five codes that
/// contain it.
pub(crate) fn unknown_code(code: &str, near: &[&str]) -> Vec<String> {
    let mut lines = vec![format!("error: unknown rule code '{code}'")];
    if !near.is_empty() {
        lines.push(format!("  did you mean: {}", near.join(", ")));
    }
    lines.push("  list every code with `connkit rules --all`".to_string());
    lines
}
