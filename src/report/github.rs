//! `--format github`: GitHub Actions workflow commands, one annotation per finding.
//!
//! `::error file=F,line=L,col=C,endColumn=E,title=CODE::message`; infos become `notice`.
//! Escaping follows the runner: data escapes `%`, `\r`, `\n`; properties also `:` and `,`.

use std::fmt::Write;

use super::LintReport;
use super::run::{RunInfo, ci_path, summary_line};
use crate::rules::Severity;
use crate::safe;

pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

pub fn render(report: &LintReport, run: &RunInfo) -> String {
    let mut out = String::new();
    for c in &report.connectors {
        for f in &c.findings {
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
                escape_property(&safe::text(&ci_path(&c.path, &f.file))),
                f.line,
                f.column,
                f.end_column.max(f.column + 1),
                escape_property(f.code),
                escape_data(&msg)
            );
        }
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
}
