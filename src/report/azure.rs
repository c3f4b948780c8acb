//! `--format azure`: Azure DevOps logging commands, as Microsoft's connector pipeline emits.
//!
//! `##vso[task.logissue type=error;sourcepath=F;linenumber=L;columnnumber=C;code=CODE]message`.
//! Azure has only error and warning issues: infos are printed as plain log lines.
//! Escaping: `\r`, `\n` everywhere; `;` and `]` in properties as well. `%` is left alone:
//! the agent only decodes its `%AZP25` escape when the DECODE_PERCENTS knob is set.

use std::fmt::Write;

use super::LintReport;
use super::run::{RunInfo, ci_path, summary_line};
use crate::rules::Severity;
use crate::safe;

pub(crate) fn escape_data(s: &str) -> String {
    s.replace('\r', "%0D").replace('\n', "%0A")
}

pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(';', "%3B").replace(']', "%5D")
}

pub(crate) fn render(report: &LintReport, run: &RunInfo) -> String {
    let mut out = String::new();
    for c in &report.connectors {
        for f in &c.findings {
            // Untrusted fields are made inert first: no `##vso[` anywhere, no line breaks, no
            // leading `::` (the info line starts with the path).
            let path = safe::text(&ci_path(&c.path, &f.file)).into_owned();
            let mut msg = safe::text(&f.message).into_owned();
            if !f.pointer.is_empty() {
                msg.push_str(&format!(" (pointer: {})", safe::text(&f.pointer)));
            }
            msg.push_str(&format!(" (gate: {})", f.gate.as_str()));
            let ty = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => {
                    let _ = writeln!(
                        out,
                        "{path}:{}:{}: info[{}]: {}",
                        f.line,
                        f.column,
                        f.code,
                        escape_data(&msg)
                    );
                    continue;
                }
            };
            let _ = writeln!(
                out,
                "##vso[task.logissue type={ty};sourcepath={};linenumber={};columnnumber={};code={}]{}",
                escape_property(&path),
                f.line,
                f.column,
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
    fn escaping_follows_the_agent() {
        assert_eq!(escape_data("a;b]\r\n"), "a;b]%0D%0A");
        assert_eq!(escape_property("a;b]c"), "a%3Bb%5Dc");
        assert_eq!(escape_data("5%"), "5%");
    }
}
