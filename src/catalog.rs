//! One catalog of every code connkit prints, whatever the command: lint rules (with their
//! fix, if any), diff rules and package checks. `connkit explain` and `connkit rules --all`
//! read it, and `docs/rules.md` is generated from it ([`markdown`]).
//!
//! Load issues (`model::codes`) are lint rule codes, so they are found as lint entries; a
//! test checks that every one is registered. Fixes (`fix::FIXES`) are keyed by lint rule code
//! and appear as the `fix` of that rule's entry.

use serde::Serialize;

use crate::core::Gate;

/// Which registry a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// A lint rule (`connkit lint`), load issues included.
    Lint,
    /// A breaking-change rule (`connkit diff`).
    Diff,
    /// A package check (`connkit verify-package`, `connkit package`).
    Package,
    /// A note of the converter (`connkit convert`).
    Convert,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Lint => "lint",
            Family::Diff => "diff",
            Family::Package => "package",
            Family::Convert => "convert",
        }
    }
}

/// One code, whatever its family.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogEntry {
    pub code: &'static str,
    pub family: Family,
    /// The default severity, as that family names it (`error`, `breaking`, …).
    pub severity: &'static str,
    /// Who stops a submission over it, when the family has gates.
    pub gate: Option<Gate>,
    /// One line: what it reports.
    pub summary: &'static str,
    /// The longer explanation (Markdown), when the family has one.
    pub explanation: String,
    /// Where it comes from: a URL, an in-repo document, or a catalog id (`PKG-02`).
    pub source: &'static str,
    /// What `lint --fix` does about it, if anything.
    pub fix: Option<&'static str>,
}

fn lint() -> impl Iterator<Item = CatalogEntry> {
    crate::rules::registry().iter().map(|r| CatalogEntry {
        code: r.code,
        family: Family::Lint,
        severity: r.severity.as_str(),
        gate: Some(r.gate),
        summary: r.summary,
        explanation: r.explanation.to_string(),
        source: r.source,
        fix: crate::fix::find(r.code).map(|f| f.summary),
    })
}

fn diff() -> impl Iterator<Item = CatalogEntry> {
    crate::diff::rules::RULES.iter().map(|r| CatalogEntry {
        code: r.code,
        family: Family::Diff,
        severity: r.severity.as_str(),
        gate: Some(r.gate),
        summary: r.summary,
        explanation: r.explanation.to_string(),
        source: r.source,
        fix: None,
    })
}

fn package() -> impl Iterator<Item = CatalogEntry> {
    crate::package::verify::CHECKS.iter().map(|c| CatalogEntry {
        code: c.code,
        family: Family::Package,
        severity: c.severity.as_str(),
        gate: None,
        summary: c.summary,
        explanation: c.explanation.text(),
        source: if c.id == "-" {
            "connkit (beyond Microsoft's ConnectorPackageValidator.ps1)"
        } else {
            c.id
        },
        fix: None,
    })
}

fn convert() -> impl Iterator<Item = CatalogEntry> {
    crate::convert::notes::NOTES.iter().map(|n| CatalogEntry {
        code: n.code,
        family: Family::Convert,
        severity: "note",
        gate: Some(Gate::Advice),
        summary: n.summary,
        explanation: n.explanation.to_string(),
        source: "connkit convert",
        fix: None,
    })
}

/// Every code, family by family: lint (with fixes), diff, package, converter notes.
pub fn all() -> impl Iterator<Item = CatalogEntry> {
    lint().chain(diff()).chain(package()).chain(convert())
}

/// The entry of a code (exact first, then case-insensitive).
pub fn find(code: &str) -> Option<CatalogEntry> {
    all()
        .find(|e| e.code == code)
        .or_else(|| all().find(|e| e.code.eq_ignore_ascii_case(code)))
}

/// A Markdown cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.replace('\n', " ").replace('|', "\\|")
}

/// `docs/rules.md`: every code with its family, severity, gate and summary.
pub fn markdown() -> String {
    let mut s = String::from(
        "# Rules reference\n\n\
         Every code connkit prints, by family. Generated from the catalog (`src/catalog.rs`):\n\
         do not edit by hand; run `CONNKIT_BLESS=1 cargo test --test catalog` to regenerate.\n\
         `connkit explain CODE` prints the full explanation of one code.\n",
    );
    for family in [Family::Lint, Family::Diff, Family::Package, Family::Convert] {
        let entries: Vec<CatalogEntry> = all().filter(|e| e.family == family).collect();
        if entries.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "\n## {} ({} codes)\n\n| Code | Family | Severity | Gate | Summary |\n|---|---|---|---|---|\n",
            family.as_str(),
            entries.len()
        ));
        for e in &entries {
            let fix = if e.fix.is_some() { " (fixable)" } else { "" };
            s.push_str(&format!(
                "| `{}` | {} | {} | {} | {}{fix} |\n",
                e.code,
                e.family.as_str(),
                e.severity,
                e.gate.map(Gate::as_str).unwrap_or("-"),
                cell(e.summary)
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_across_families() {
        let mut seen = std::collections::HashSet::new();
        for e in all() {
            assert!(seen.insert(e.code), "{} is in the catalog twice", e.code);
        }
    }

    #[test]
    fn every_load_issue_and_fix_is_a_lint_rule() {
        for code in crate::model::codes::ALL {
            let e = find(code).unwrap_or_else(|| panic!("load issue {code} has no rule"));
            assert_eq!((e.code, e.family), (*code, Family::Lint));
        }
        for f in crate::fix::FIXES {
            let e = find(f.code).unwrap_or_else(|| panic!("fix {} has no rule", f.code));
            assert_eq!(e.fix, Some(f.summary));
        }
    }

    #[test]
    fn every_family_is_present() {
        for family in [Family::Lint, Family::Diff, Family::Package] {
            assert!(all().any(|e| e.family == family), "{family:?}");
        }
        assert!(find("PackageDefinitionMismatch").is_some());
        assert!(find("operationdeleted").is_some());
    }
}
