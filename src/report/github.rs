//! `--format github`: GitHub Actions workflow commands, one annotation per finding, within
//! GitHub's limits.
//!
//! `::error file=F,line=L,col=C,endColumn=E,title=CODE::message`; infos become `notice`.
//! Escaping follows the runner: data escapes `%`, `\r`, `\n`; properties also `:` and `,`.
//!
//! GitHub shows at most 10 error, 10 warning (and 10 notice) annotations per step and 50 per
//! job; the runner silently drops the rest. So the most severe findings come first, at most
//! [`MAX_PER_LEVEL`] annotations of each level are printed, and a plain line (not a workflow
//! command) says how many more there are and where to read them: the summary, and the JSON or
//! SARIF report. The exit status counts every finding, annotated or not.

use std::fmt::Write;

use super::LintReport;
use super::run::{RunInfo, ci_path, plural, summary_line};
use crate::rules::{Finding, Severity};
use crate::safe;

pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Annotations of each level (error, warning, notice) printed per run: GitHub's per-step cap.
pub(crate) const MAX_PER_LEVEL: usize = 10;

pub(crate) fn render(report: &LintReport, run: &RunInfo) -> String {
    render_capped(report, run, MAX_PER_LEVEL)
}

fn render_capped(report: &LintReport, run: &RunInfo, cap: usize) -> String {
    let mut out = String::new();
    let mut all: Vec<(&str, &Finding)> = report
        .connectors
        .iter()
        .flat_map(|c| c.findings.iter().map(move |f| (c.path.as_str(), f)))
        .collect();
    // Most severe first; a stable sort keeps the connectors' and files' order within a level.
    all.sort_by_key(|(_, f)| std::cmp::Reverse(f.severity));
    // [errors, warnings, infos]: shown, then left out.
    let level = |s: Severity| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    let (mut shown, mut left) = ([0usize; 3], [0usize; 3]);
    for (path, f) in all {
        let l = level(f.severity);
        if shown[l] >= cap {
            left[l] += 1;
            continue;
        }
        shown[l] += 1;
        // Untrusted text first made inert (its own newlines escaped as `\n`), then the
        // runner's escaping; connkit's own line break before the pointer stays a `%0A`.
        let mut msg = safe::text(&f.message).into_owned();
        if !f.pointer.is_empty() {
            msg.push_str(&format!("\npointer: {}", safe::text(&f.pointer)));
        }
        msg.push_str(&format!("\ngate: {}", f.gate.as_str()));
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(&safe::text(&ci_path(path, &f.file))),
            f.line,
            f.column,
            f.end_column.max(f.column + 1),
            escape_property(f.code),
            escape_data(&msg)
        );
    }
    let more: usize = left.iter().sum();
    if more > 0 {
        let _ = writeln!(
            out,
            "connkit: {} not shown as annotations ({}, {}, {}): GitHub shows at most {cap} \
             annotations of each level per step. Every finding counts for the exit status; read \
             them all in the JSON or SARIF report (--output-json FILE, --output-sarif FILE) or \
             with --format text.",
            plural(more, "more finding"),
            plural(left[0], "error"),
            plural(left[1], "warning"),
            plural(left[2], "info"),
        );
    }
    let _ = writeln!(out, "{}", summary_line(report));
    out.push_str(&run.text_line());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("50%\r\nnext: a,b"), "50%25%0D%0Anext: a,b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    fn report(errors: usize, warnings: usize, infos: usize) -> LintReport {
        use crate::report::ConnectorReport;
        let f = |severity, i: usize| Finding {
            code: "A",
            severity,
            gate: crate::core::Gate::Pipeline,
            file: "apiDefinition.swagger.json".into(),
            pointer: String::new(),
            line: i + 1,
            column: 1,
            message: format!("{} {i}", severity.as_str()),
            end_column: 2,
            source_line: None,
            source_column: 1,
        };
        // Infos and warnings before errors in the input: the output puts errors first.
        let mut findings: Vec<Finding> = (0..infos).map(|i| f(Severity::Info, i)).collect();
        findings.extend((0..warnings).map(|i| f(Severity::Warning, i)));
        findings.extend((0..errors).map(|i| f(Severity::Error, i)));
        LintReport {
            connectors: vec![ConnectorReport {
                path: "c".into(),
                profile: crate::rules::Profile::Custom,
                profile_source: crate::core::ProfileSource::Default,
                findings,
            }],
        }
    }

    fn commands(out: &str) -> Vec<&str> {
        out.lines()
            .filter(|l| l.starts_with("::"))
            .map(|l| l.split_once(' ').unwrap().0)
            .collect()
    }

    #[test]
    fn most_severe_first_within_the_per_step_cap() {
        let out = render(&report(25, 15, 5), &RunInfo::default());
        let cmds = commands(&out);
        assert_eq!(cmds.len(), 25, "{out}");
        assert!(cmds[..10].iter().all(|c| *c == "::error"), "{out}");
        assert!(cmds[10..20].iter().all(|c| *c == "::warning"), "{out}");
        assert!(cmds[20..].iter().all(|c| *c == "::notice"), "{out}");
        // In their own order within a level.
        assert!(out.find("::error 0").unwrap() < out.find("::error 9").unwrap());
        assert!(!out.contains("::error 10"), "{out}");
        let note = out
            .lines()
            .find(|l| l.contains("not shown as annotations"))
            .unwrap_or_else(|| panic!("{out}"));
        assert!(!note.starts_with("::"), "{note}");
        assert!(
            note.contains("connkit: 20 more findings not shown as annotations (15 errors, 5 warnings, 0 infos)"),
            "{note}"
        );
        assert!(
            note.contains("--output-json") && note.contains("--output-sarif"),
            "{note}"
        );
        // The summary still counts everything.
        assert!(
            out.contains("connkit: 25 errors, 15 warnings, 5 infos"),
            "{out}"
        );
    }

    #[test]
    fn within_the_cap_nothing_is_left_out_and_no_note() {
        let out = render(&report(10, 10, 10), &RunInfo::default());
        assert_eq!(commands(&out).len(), 30, "{out}");
        assert!(!out.contains("not shown as annotations"), "{out}");
        let out = render_capped(&report(3, 0, 0), &RunInfo::default(), 1);
        assert_eq!(commands(&out), ["::error"], "{out}");
        assert!(
            out.contains("connkit: 2 more findings not shown as annotations (2 errors, 0 warnings"),
            "{out}"
        );
    }
}
