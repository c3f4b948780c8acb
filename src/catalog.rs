//! One catalog of every code connkit prints, whatever the command: lint rules (with their
//! fix, if any), diff rules, package checks and converter notes. It is the one registry the
//! commands ask: `connkit explain` and `connkit rules` (through `crate::app::catalog`),
//! `docs/rules.md` ([`markdown`]), the SARIF rule metadata and the language server's hover.
//! Each entry keeps its family's declaration (`Details`) for what only that family has.
//!
//! Load issues (`model::IssueKind`) are reported by lint rules (`rules::files::rule_of`), so
//! their codes are lint entries. A rule declares its fix (`Rule::fix`), which appears
//! as the `fix` of that rule's entry.

use serde::Serialize;

use crate::core::{Doc, Gate};
use crate::diff::rules::DiffRule;
use crate::rules::Rule;

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
    /// A problem `connkit test` finds in a live (or recorded) response.
    Test,
}

impl Family {
    /// What one code of the family is called (`explain` prints it beside the code).
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Family::Lint => "lint rule",
            Family::Diff => "diff rule",
            Family::Package => "package check",
            Family::Convert => "converter note",
            Family::Test => "test check",
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Family::Lint => "lint",
            Family::Diff => "diff",
            Family::Package => "package",
            Family::Convert => "convert",
            Family::Test => "test",
        }
    }
}

/// One code, whatever its family.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogEntry {
    pub code: &'static str,
    pub family: Family,
    /// The default severity, as that family names it (`error`, `breaking`, …).
    pub(crate) severity: &'static str,
    /// Who stops a submission over it, when the family has gates.
    pub(crate) gate: Option<Gate>,
    /// One line: what it reports.
    pub(crate) summary: &'static str,
    /// The longer explanation (Markdown, `### ` sections), when the family has one.
    pub(crate) explanation: Doc,
    /// Where it comes from: a URL, an in-repo document, or a catalog id (`PKG-02`).
    pub source: &'static str,
    /// What `lint --fix` does about it, if anything.
    pub(crate) fix: Option<&'static str>,
    /// The wording of Microsoft's own message for it, where one is known.
    pub(crate) microsoft: Option<&'static str>,
    /// The family's own declaration, for what only that family has (profiles, areas…).
    #[serde(skip)]
    pub(crate) details: Details,
}

/// The declaration behind an entry, for the fields only its family has.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Details {
    Lint(&'static Rule),
    Diff(&'static DiffRule),
    Package,
    Convert,
    Test,
}

impl CatalogEntry {
    /// The lint rule of a lint entry.
    pub(crate) fn lint_rule(&self) -> Option<&'static Rule> {
        match self.details {
            Details::Lint(r) => Some(r),
            _ => None,
        }
    }

    /// The diff rule of a diff entry.
    pub(crate) fn diff_rule(&self) -> Option<&'static DiffRule> {
        match self.details {
            Details::Diff(r) => Some(r),
            _ => None,
        }
    }
}

fn lint() -> impl Iterator<Item = CatalogEntry> {
    crate::rules::registry().iter().map(|r| CatalogEntry {
        code: r.code,
        family: Family::Lint,
        severity: r.severity.as_str(),
        gate: Some(r.gate),
        summary: r.summary,
        explanation: r.explanation,
        source: r.source,
        fix: r.fix.map(|f| f.summary),
        microsoft: r.microsoft,
        details: Details::Lint(r),
    })
}

fn diff() -> impl Iterator<Item = CatalogEntry> {
    crate::diff::rules::RULES.iter().map(|r| CatalogEntry {
        code: r.code,
        family: Family::Diff,
        severity: r.severity.as_str(),
        gate: Some(r.gate),
        summary: r.summary,
        explanation: r.explanation,
        source: r.source,
        fix: None,
        microsoft: r.microsoft,
        details: Details::Diff(r),
    })
}

fn package() -> impl Iterator<Item = CatalogEntry> {
    crate::package::verify::CHECKS.iter().map(|c| CatalogEntry {
        code: c.code,
        family: Family::Package,
        severity: c.severity.as_str(),
        gate: None,
        summary: c.summary,
        explanation: c.explanation,
        source: if c.id == "-" {
            "connkit (beyond Microsoft's ConnectorPackageValidator.ps1)"
        } else {
            c.id
        },
        fix: None,
        microsoft: None,
        details: Details::Package,
    })
}

fn convert() -> impl Iterator<Item = CatalogEntry> {
    crate::convert::notes::NOTES.iter().map(|n| CatalogEntry {
        code: n.code,
        family: Family::Convert,
        severity: "note",
        gate: Some(Gate::Advice),
        summary: n.summary,
        explanation: n.explanation,
        source: "connkit convert",
        fix: None,
        microsoft: None,
        details: Details::Convert,
    })
}

fn test() -> impl Iterator<Item = CatalogEntry> {
    crate::contract::codes::CODES.iter().map(|c| CatalogEntry {
        code: c.code,
        family: Family::Test,
        severity: "failure",
        gate: None,
        summary: c.summary,
        explanation: c.explanation,
        source: "connkit test (docs/test.md)",
        fix: None,
        microsoft: None,
        details: Details::Test,
    })
}

/// Every code, family by family: lint (with fixes), diff, package, converter notes, test
/// checks.
pub fn all() -> impl Iterator<Item = CatalogEntry> {
    lint()
        .chain(diff())
        .chain(package())
        .chain(convert())
        .chain(test())
}

/// The entries of one family, in registry order.
pub(crate) fn family(family: Family) -> impl Iterator<Item = CatalogEntry> {
    let entries: Box<dyn Iterator<Item = CatalogEntry>> = match family {
        Family::Lint => Box::new(lint()),
        Family::Diff => Box::new(diff()),
        Family::Package => Box::new(package()),
        Family::Convert => Box::new(convert()),
        Family::Test => Box::new(test()),
    };
    entries
}

/// The entry of a code (exact first, then case-insensitive).
pub(crate) fn find(code: &str) -> Option<CatalogEntry> {
    all()
        .find(|e| e.code == code)
        .or_else(|| all().find(|e| e.code.eq_ignore_ascii_case(code)))
}

/// The entry of a code in one family (exact first, then case-insensitive).
pub(crate) fn find_in(family: Family, code: &str) -> Option<CatalogEntry> {
    self::family(family)
        .find(|e| e.code == code)
        .or_else(|| self::family(family).find(|e| e.code.eq_ignore_ascii_case(code)))
}

/// The lint rule of a code, exactly as written (the lint family of the catalog).
pub(crate) fn lint_rule(code: &str) -> Option<&'static Rule> {
    family(Family::Lint)
        .find(|e| e.code == code)
        .and_then(|e| e.lint_rule())
}

/// Codes that contain `code` (case-insensitive), at most five: what `explain` suggests.
pub(crate) fn near(code: &str) -> Vec<&'static str> {
    let lower = code.to_lowercase();
    all()
        .filter(|e| e.code.to_lowercase().contains(&lower))
        .map(|e| e.code)
        .take(5)
        .collect()
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
    for family in [
        Family::Lint,
        Family::Diff,
        Family::Package,
        Family::Convert,
        Family::Test,
    ] {
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
                "| [`{}`](#{}) | {} | {} | {} | {}{fix} |\n",
                e.code,
                e.code.to_ascii_lowercase(),
                e.family.as_str(),
                e.severity,
                e.gate.map(Gate::as_str).unwrap_or("-"),
                cell(e.summary)
            ));
        }
    }
    // Then every code with its documentation, as `connkit explain` prints it.
    for family in [
        Family::Lint,
        Family::Diff,
        Family::Package,
        Family::Convert,
        Family::Test,
    ] {
        s.push_str(&format!("\n## {}s\n", family.noun()));
        for e in all().filter(|e| e.family == family) {
            let gate = e
                .gate
                .map(|g| format!(" · gate: {}", g.as_str()))
                .unwrap_or_default();
            let fix = if e.fix.is_some() { " · fixable" } else { "" };
            s.push_str(&format!(
                "\n### `{}`\n\n{} · {}{gate}{fix}\n\n{}\n",
                e.code,
                e.family.noun(),
                e.severity,
                e.summary
            ));
            let explanation = e.explanation.text();
            if !explanation.is_empty() {
                // The declaration's `### ` sections, one level down.
                let text = explanation.replace("\n### ", "\n#### ");
                let text = text
                    .strip_prefix("### ")
                    .map_or(text.clone(), |t| format!("#### {t}"));
                // Each line of an example its own paragraph, as in the terminal.
                let text = ["Good:", "After:"].iter().fold(text, |t, k| {
                    t.replace(&format!("\n{k}"), &format!("\n\n{k}"))
                });
                s.push_str(&format!("\n{text}\n"));
            }
            if let Some(m) = e.microsoft {
                s.push_str(&format!("\nMicrosoft's message: \"{m}\"\n"));
            }
            if let Some(fix) = e.fix {
                s.push_str(&format!("\nFix (`lint --fix`): {fix}\n"));
            }
            s.push_str(&format!("\nSource: {}\n", e.source));
        }
    }
    s
}

/// The layout every code family keeps (issue #15): one file per code, named after it, that
/// declares it and tests it. Each family's tests call [`layout::check`].
#[cfg(test)]
pub(crate) mod layout {
    use std::collections::BTreeSet;
    use std::path::Path;

    use crate::core::Doc;

    /// A code in snake case, as the lint rules' files are named: `PackageFileNotZip` →
    /// `package_file_not_zip`, acronyms split before their last capital, `OAuth` one word.
    pub(crate) fn snake(code: &str) -> String {
        let chars: Vec<char> = code.replace("OAuth", "Oauth").chars().collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                let prev = chars[i - 1];
                let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
                if prev.is_ascii_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_ascii_uppercase() && next_lower)
                {
                    out.push('_');
                }
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// The sections a code's documentation may have, in this order.
    pub(crate) const SECTIONS: [&str; 3] = ["Why", "Example", "Evidence"];

    /// The problems of a family whose codes live in `dir` (relative to the crate root), one
    /// `<snake_code>.rs` each beside a `mod.rs`: a registered code without its file, a file
    /// no code is registered for, a file that does not declare its code with `declare_code!`,
    /// a file whose `#[cfg(test)]` module has no test naming the code (by its code or by
    /// its static), an explanation without `### Why` and `### Example` sections or with another
    /// section, a `§` reference, a code registered twice. `tests.rs` is not a code's file.
    pub(crate) fn problems(dir: &str, codes: &[(&str, Doc)]) -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files = BTreeSet::new();
        for e in std::fs::read_dir(&root).unwrap() {
            let path = e.unwrap().path();
            if path.extension().and_then(|x| x.to_str()) != Some("rs") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if stem != "mod" && stem != "tests" {
                files.insert(stem);
            }
        }
        let mut out = Vec::new();
        let mut registered = BTreeSet::new();
        for (code, explanation) in codes {
            let name = snake(code);
            if !registered.insert(name.clone()) {
                out.push(format!("{code} is registered twice"));
            }
            for section in ["Why", "Example"] {
                if explanation.section(section).is_none_or(|w| w.is_empty()) {
                    out.push(format!(
                        "{code}: the explanation has no `### {section}` section"
                    ));
                }
            }
            let text = explanation.text();
            for heading in text.lines().filter_map(|l| l.strip_prefix("### ")) {
                if !SECTIONS.contains(&heading.trim()) {
                    out.push(format!("{code}: unknown section `### {heading}`"));
                }
            }
            if text.contains('§') {
                out.push(format!("{code}: cites a § of a document users do not have"));
            }
            if !files.contains(&name) {
                out.push(format!("{code}: no {dir}/{name}.rs"));
                continue;
            }
            let text = std::fs::read_to_string(root.join(format!("{name}.rs"))).unwrap();
            let Some((decl, tests)) = text.split_once("#[cfg(test)]") else {
                out.push(format!("{code}: {name}.rs has no #[cfg(test)] module"));
                continue;
            };
            let declared =
                decl.contains("declare_code!") && decl.contains(&format!("code: \"{code}\""));
            if !declared {
                out.push(format!(
                    "{code}: {name}.rs does not declare it with declare_code!"
                ));
            }
            let static_name = decl
                .split(" static ")
                .nth(1)
                .and_then(|r| r.split(':').next())
                .map(str::trim)
                .unwrap_or("\u{0}");
            let mentioned = tests.contains(&format!("\"{code}\"")) || tests.contains(static_name);
            if !tests.contains("#[test]") || !mentioned {
                out.push(format!(
                    "{code}: the tests of {name}.rs do not name the code"
                ));
            }
        }
        for f in files.difference(&registered) {
            out.push(format!(
                "{dir}/{f}.rs: no registered code is named after it"
            ));
        }
        // mod.rs declares every file (a file without its `mod` line is not compiled at all).
        let modrs = std::fs::read_to_string(root.join("mod.rs")).unwrap_or_default();
        let declared: BTreeSet<String> = modrs
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                let l = l
                    .strip_prefix("pub(crate) ")
                    .or_else(|| l.strip_prefix("pub "))
                    .unwrap_or(l);
                l.strip_prefix("mod ")?
                    .strip_suffix(';')
                    .map(str::to_string)
            })
            .collect();
        for f in files.difference(&declared) {
            out.push(format!("{dir}/{f}.rs: no `mod {f};` in mod.rs"));
        }
        out
    }

    /// The problems of a family's snapshots in `dir` (relative to the crate root), one
    /// `<Code>.snap` per code (its rendered output, as the user sees it): a code without
    /// its snapshot unless it is among the `exceptions` (code, why it cannot be triggered
    /// from a realistic input), a snapshot no code owns, an exception that is no code or has
    /// a snapshot after all.
    pub(crate) fn snapshot_problems(
        dir: &str,
        codes: &[&str],
        exceptions: &[(&str, &str)],
    ) -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let has = |code: &str| root.join(format!("{code}.snap")).is_file();
        let mut out = Vec::new();
        for code in codes {
            let excepted = exceptions.iter().any(|(c, _)| c == code);
            if !excepted && !has(code) {
                out.push(format!("{dir}: no {code}.snap"));
            }
        }
        for (code, _) in exceptions {
            if !codes.contains(code) {
                out.push(format!(
                    "{dir}: the exception {code} is no code of the family"
                ));
            } else if has(code) {
                out.push(format!("{dir}: {code} has a snapshot: drop its exception"));
            }
        }
        for e in std::fs::read_dir(&root).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            match name.strip_suffix(".snap") {
                Some(code) if codes.contains(&code) => {}
                _ => out.push(format!("{dir}/{name} is no code's snapshot")),
            }
        }
        out
    }

    #[test]
    fn snake_case_of_codes() {
        assert_eq!(snake("PackageFileNotZip"), "package_file_not_zip");
        assert_eq!(snake("ConvertOpenApi31"), "convert_open_api31");
        assert_eq!(
            snake("PackageRootNotSingleMdAndZip"),
            "package_root_not_single_md_and_zip"
        );
        assert_eq!(snake("OAuthSettingsNotValid"), "oauth_settings_not_valid");
    }

    #[test]
    fn problems_are_found() {
        // The package checks' folder, checked against a made-up registry: one code without a
        // file, one without `### Why`, and every real file then unregistered.
        let p = problems(
            "src/package/verify/checks",
            &[
                ("NoSuchCheck", Doc(" ### Why\n Because.")),
                ("PackageFileNotZip", Doc("")),
            ],
        );
        assert!(
            p.iter()
                .any(|m| m.contains("no src/package/verify/checks/no_such_check.rs")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.contains("PackageFileNotZip: the explanation has no")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.contains("package_icon_mismatch.rs: no registered code")),
            "{p:#?}"
        );
    }
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
    fn every_load_issue_is_a_lint_rule_and_every_fix_is_listed() {
        for kind in crate::model::IssueKind::ALL {
            let code = crate::rules::files::rule_of(kind).code;
            let e = find(code).unwrap_or_else(|| panic!("load issue {kind:?} has no rule"));
            assert_eq!((e.code, e.family), (code, Family::Lint));
        }
        for r in crate::rules::registry() {
            let e = find(r.code).unwrap_or_else(|| panic!("rule {} is not in the catalog", r.code));
            assert_eq!(e.fix, r.fix.map(|f| f.summary));
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
