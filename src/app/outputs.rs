//! The outputs of a lint session: the main report (stdout), `--statistics`, and the
//! `--output-*` files written next to it, none of which may replace a file the run read.

use std::path::PathBuf;

use super::lint::LintOutcome;
use crate::core::Severity;
use crate::report::{self, Format, LintReport, run::RunInfo};

/// Render a report in one format (`color`: text only).
pub(crate) fn render(format: Format, report: &LintReport, run: &RunInfo, color: bool) -> String {
    match format {
        Format::Json => report::json::render(report, run),
        Format::Text => report::text::render(report, color) + &run.text_line(),
        Format::Sarif => report::sarif::render(report, run),
        Format::Github => report::github::render(report, run),
        Format::Azure => report::azure::render(report, run),
        Format::Junit => report::junit::render(report, run),
        Format::Markdown => report::markdown::render(report, run),
    }
}

/// What goes to stdout: the report in `format` (nothing for a quiet, clean text run; text
/// with findings ends with how to explain a code), with the `--statistics` table after text
/// findings; for other formats the table goes to stderr so machine output stays unchanged.
pub(crate) fn main_output(
    format: Format,
    outcome: &LintOutcome,
    color: bool,
    quiet: bool,
    statistics: bool,
) -> String {
    let mut out = render(format, &outcome.report, &outcome.run, color);
    if format == Format::Text {
        out.push_str(&report::text::explain_hint(&outcome.report));
    }
    if quiet && format == Format::Text && outcome.report.summary().total() == 0 {
        out.clear();
    }
    if statistics {
        let table = statistics_table(&outcome.report);
        if format == Format::Text {
            out.push_str(&table);
        } else {
            crate::safe::eprint_lines(table.lines());
        }
    }
    out
}

/// Write each `(file, format)` (redacted, never over an input of the run). Returns false
/// when one could not be written (each failure is said to `say`).
pub(crate) fn write_files(
    outcome: &LintOutcome,
    files: &[(PathBuf, Format)],
    say: super::Say<'_>,
) -> bool {
    let mut ok = true;
    for (path, format) in files {
        let rendered = render(*format, &outcome.report, &outcome.run, false);
        let text = crate::safe::redact(&rendered);
        if let Err(e) = crate::fsx::write_output(path, text.as_bytes(), &outcome.inputs) {
            say(&format!("error: cannot write report: {e}"));
            ok = false;
        }
    }
    ok
}

/// `--statistics`: findings per rule, most frequent first.
pub(crate) fn statistics_table(report: &LintReport) -> String {
    let mut counts: Vec<(&'static str, Severity, usize)> = Vec::new();
    for f in report.connectors.iter().flat_map(|c| &c.findings) {
        match counts.iter_mut().find(|(c, _, _)| *c == f.code) {
            Some(e) => {
                e.1 = e.1.max(f.severity);
                e.2 += 1;
            }
            None => counts.push((f.code, f.severity, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    let w = counts.iter().map(|c| c.0.len()).max().unwrap_or(4);
    let mut s = String::new();
    for (code, sev, n) in &counts {
        let summary = crate::catalog::find_in(crate::catalog::Family::Lint, code)
            .map(|e| e.summary)
            .unwrap_or("");
        s.push_str(&format!(
            "{n:>6}  {code:<w$}  {:<7}  {summary}\n",
            sev.as_str()
        ));
    }
    s.push_str(&format!(
        "{:>6}  findings by {} rules\n",
        counts.iter().map(|c| c.2).sum::<usize>(),
        counts.len()
    ));
    s
}
