//! `--format markdown`: a summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
//! one line overall (and per gate), then per connector with findings a heading with its
//! counts and the table folded in `<details>`; connectors with errors first. The whole stays
//! under `--markdown-max-bytes` (default just under GitHub's 1 MiB job summary limit; 65,000
//! for a PR comment): connectors that do not fit are counted, not shown.

use std::fmt::Write;

use super::LintReport;
use super::run::{RunInfo, plural};
use crate::core::Gate;
use crate::rules::Severity;

/// Text safe inside a table cell: no pipes, line breaks, HTML, links, images or mentions
/// ([`crate::safe::markdown`]).
pub(crate) fn cell(s: &str) -> String {
    crate::safe::markdown(s)
}

/// Text inside a code span in a table cell ([`crate::safe::markdown_code`]).
fn code(s: &str) -> String {
    crate::safe::markdown_code(s)
}

/// Rows per connector (the total is capped by `RunInfo::limits`).
const MAX_ROWS: usize = 50;

/// Beyond this many clean connectors, only their number is shown.
const MAX_CLEAN_LISTED: usize = 20;

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "❌ error",
        Severity::Warning => "⚠️ warning",
        Severity::Info => "ℹ️ info",
    }
}

/// One connector's findings: a heading with its counts, the table folded in `<details>`.
fn connector_section(c: &super::ConnectorReport, sup: usize) -> String {
    let mut out = String::new();
    let count = |sev: Severity| c.findings.iter().filter(|f| f.severity == sev).count();
    let _ = writeln!(
        out,
        "### `{}` ({})\n\n{}, {}, {}{}\n",
        code(&c.path),
        cell(&c.profile_source.describe(c.profile)),
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "info"),
        if sup > 0 {
            format!(", {sup} suppressed")
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        out,
        "<details><summary>{} findings</summary>\n",
        c.findings.len()
    );
    out.push_str(
        "| Severity | Gate | Code | File | Line | Message |\n|---|---|---|---|---:|---|\n",
    );
    for f in c.findings.iter().take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "| {} | {} | `{}` | `{}` | {}:{} | {} |",
            icon(f.severity),
            f.gate.as_str(),
            code(f.code),
            code(&f.file),
            f.line,
            f.column,
            cell(&f.message)
        );
    }
    if c.findings.len() > MAX_ROWS {
        let _ = writeln!(
            out,
            "\n… and {} more (see the JSON or SARIF report).",
            c.findings.len() - MAX_ROWS
        );
    }
    out.push_str("\n</details>\n\n");
    out
}

pub(crate) fn render(report: &LintReport, run: &RunInfo) -> String {
    let s = report.summary();
    let mut out = String::from("## connkit lint\n\n");
    let status = if s.errors > 0 {
        "❌"
    } else if s.warnings > 0 {
        "⚠️"
    } else {
        "✅"
    };
    let _ = write!(
        out,
        "{status} **{}, {}, {}** in {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.connectors, "connector")
    );
    let suppressed = run.suppressed();
    if suppressed > 0 {
        let _ = write!(out, " · {suppressed} suppressed");
    }
    if run.baselined() > 0 || run.stale_baseline.is_some() {
        let _ = write!(out, " · {} in baseline", run.baselined());
    }
    if let Some(n) = run.stale_baseline.filter(|n| *n > 0) {
        let _ = write!(out, " · {n} baseline entries no longer occur");
    }
    out.push_str("\n\n");
    let gates: Vec<String> = Gate::ALL
        .iter()
        .filter(|g| s.by_gate.get(**g).total() > 0)
        .map(|g| {
            let c = s.by_gate.get(*g);
            format!("{} {} ({} error(s))", g.as_str(), c.total(), c.errors)
        })
        .collect();
    if !gates.is_empty() {
        let _ = writeln!(
            out,
            "By gate: {} — pipeline errors fail Microsoft's PR check, review findings are what \
             certification reviewers ask about.\n",
            gates.join(" · ")
        );
    }
    if run.hidden > 0 {
        let _ = writeln!(
            out,
            "{} below `--min-level` not shown.\n",
            plural(run.hidden, "finding")
        );
    }
    // Connectors with errors first, then warnings: what is cut at the size limit matters least.
    let mut order: Vec<usize> = (0..report.connectors.len()).collect();
    order.sort_by_key(|&i| {
        let c = &report.connectors[i];
        std::cmp::Reverse(c.findings.iter().map(|f| f.severity).max())
    });
    let limit = run.limits.markdown_max_bytes;
    // Room kept for the closing lines (the truncation note and the clean list).
    const RESERVE: usize = 2_048;
    let (mut cut_connectors, mut cut_findings, mut cut_bytes) = (0usize, 0usize, 0usize);
    let mut clean = Vec::new();
    for i in order {
        let c = &report.connectors[i];
        let sup = run.get(i).map(|r| r.suppressed).unwrap_or(0);
        if c.findings.is_empty() {
            clean.push((c, sup));
            continue;
        }
        let section = connector_section(c, sup);
        if cut_connectors > 0 || out.len() + section.len() + RESERVE > limit {
            cut_connectors += 1;
            cut_findings += c.findings.len();
            cut_bytes += section.len();
            continue;
        }
        out.push_str(&section);
    }
    if cut_connectors > 0 {
        let _ = writeln!(
            out,
            "✂️ **Truncated at {limit} bytes** (`--markdown-max-bytes`): {} with {} left out \
             ({cut_bytes} bytes). The JSON and SARIF reports have every finding.\n",
            plural(cut_connectors, "connector"),
            plural(cut_findings, "finding"),
        );
    }
    if clean.len() > MAX_CLEAN_LISTED {
        let _ = writeln!(
            out,
            "✅ No findings in {}.\n",
            plural(clean.len(), "other connector")
        );
    } else if !clean.is_empty() {
        let names: Vec<String> = clean
            .iter()
            .map(|(c, sup)| {
                if *sup > 0 {
                    format!("`{}` ({sup} suppressed)", code(&c.path))
                } else {
                    format!("`{}`", code(&c.path))
                }
            })
            .collect();
        let _ = writeln!(out, "✅ No findings: {}\n", names.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_reports_are_capped_per_connector() {
        use crate::report::ConnectorReport;
        use crate::rules::{Finding, Profile};
        let f = |i: usize| Finding {
            code: "X",
            severity: Severity::Warning,
            gate: crate::core::Gate::Pipeline,
            file: "a.json".into(),
            pointer: String::new(),
            line: i,
            column: 1,
            message: format!("m{i}"),
            end_column: 2,
            source_line: None,
            source_column: 1,
        };
        let report = |n: usize| LintReport {
            connectors: vec![ConnectorReport {
                path: "c".into(),
                profile: Profile::Custom,
                profile_source: crate::core::ProfileSource::Default,
                findings: (1..=n).map(f).collect(),
            }],
        };
        let md = render(&report(60), &RunInfo::default());
        assert_eq!(
            md.lines().filter(|l| l.starts_with("| ⚠️")).count(),
            MAX_ROWS
        );
        assert!(md.contains("… and 10 more"));
        let md = render(&report(MAX_ROWS), &RunInfo::default());
        assert!(!md.contains("more"));
    }

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\r\nc<d>`"), "a\\|b\\\\r\\\\nc&lt;d&gt;'");
    }

    #[test]
    fn the_whole_report_stays_under_the_limit_and_says_what_was_cut() {
        use crate::report::ConnectorReport;
        use crate::rules::{Finding, Profile};
        let f = |i: usize| Finding {
            code: "X",
            severity: if i.is_multiple_of(2) {
                Severity::Error
            } else {
                Severity::Info
            },
            gate: crate::core::Gate::Pipeline,
            file: "a.json".into(),
            pointer: String::new(),
            line: i,
            column: 1,
            message: "m".repeat(300),
            end_column: 2,
            source_line: None,
            source_column: 1,
        };
        let report = LintReport {
            connectors: (0..400)
                .map(|n| ConnectorReport {
                    path: format!("c{n}"),
                    profile: Profile::Custom,
                    profile_source: crate::core::ProfileSource::Default,
                    findings: (1..=20).map(f).collect(),
                })
                .collect(),
        };
        let mut run = RunInfo::default();
        let md = render(&report, &run);
        assert!(md.len() < 1_048_576, "{}", md.len());
        assert!(
            md.contains("Truncated at 1000000 bytes"),
            "{}",
            &md[md.len() - 500..]
        );
        // A pull-request comment: 65,536 characters.
        run.limits.markdown_max_bytes = 65_000;
        let md = render(&report, &run);
        assert!(md.chars().count() <= 65_000, "{}", md.len());
        let summary = md.lines().nth(2).unwrap();
        assert!(
            summary.contains("4000 errors, 0 warnings, 4000 infos"),
            "{summary}"
        );
        assert!(md.contains("left out"), "{md}");
        assert!(md.contains("<details><summary>20 findings</summary>"));
        let cut: usize = regex::Regex::new(r"(\d+) connectors with (\d+) findings left out")
            .unwrap()
            .captures(&md)
            .map(|c| c[1].parse().unwrap())
            .unwrap();
        let shown = md.matches("<details>").count();
        assert_eq!(shown + cut, 400);
    }
}
