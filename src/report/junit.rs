//! `--format junit`: one `<testsuite>` per connector, one `<testcase>` per rule that ran.
//!
//! A rule with findings fails its test case (`type` = the highest severity); the failure's
//! text lists every finding with its position and pointer.

use std::fmt::Write;

use super::LintReport;
use super::run::{RunInfo, ci_path};
use crate::rules::{Finding, Severity};
use crate::safe;

/// An untrusted field: [`safe::text`] (no line break, control character or log command),
/// then XML escaping.
fn field(s: &str) -> String {
    xml(&safe::text(s))
}

/// XML text/attribute escaping; characters XML 1.0 cannot hold become U+FFFD.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

pub fn render(report: &LintReport, run: &RunInfo) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut suites = String::new();
    let (mut all_tests, mut all_failures) = (0, 0);
    for (i, c) in report.connectors.iter().enumerate() {
        let mut codes: Vec<&'static str> =
            run.get(i).map(|r| r.rules_run.clone()).unwrap_or_default();
        for f in &c.findings {
            if !codes.contains(&f.code) {
                codes.push(f.code);
            }
        }
        let mut cases = String::new();
        let mut failures = 0;
        for code in &codes {
            let found: Vec<&Finding> = c.findings.iter().filter(|f| f.code == *code).collect();
            let _ = write!(
                cases,
                "    <testcase name=\"{}\" classname=\"{}\"",
                xml(code),
                field(&c.path)
            );
            let Some(worst) = found.iter().map(|f| f.severity).max() else {
                cases.push_str("/>\n");
                continue;
            };
            failures += 1;
            let mut body = String::new();
            for f in &found {
                let _ = writeln!(
                    body,
                    "{} ({}): {}:{}:{}: {}{}",
                    f.severity.as_str(),
                    f.gate.as_str(),
                    safe::text(&ci_path(&c.path, &f.file)),
                    f.line,
                    f.column,
                    safe::text(&f.message),
                    if f.pointer.is_empty() {
                        String::new()
                    } else {
                        format!(" (pointer: {})", safe::text(&f.pointer))
                    }
                );
            }
            let first = found.first().map(|f| f.message.as_str()).unwrap_or("");
            let _ = write!(
                cases,
                ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                worst.as_str(),
                field(&if found.len() > 1 {
                    format!("{} findings; first: {first}", found.len())
                } else {
                    first.to_string()
                }),
                xml(&body)
            );
        }
        let warnings = c
            .findings
            .iter()
            .filter(|f| f.severity < Severity::Error)
            .count();
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n    <properties>\n      <property name=\"profile\" value=\"{}\"/>\n      <property name=\"findings\" value=\"{}\"/>\n      <property name=\"below-error\" value=\"{warnings}\"/>\n      <property name=\"suppressed\" value=\"{}\"/>\n    </properties>\n{cases}  </testsuite>\n",
            field(&c.path),
            codes.len(),
            c.profile.as_str(),
            c.findings.len(),
            run.get(i).map(|r| r.suppressed).unwrap_or(0)
        );
        all_tests += codes.len();
        all_failures += failures;
    }
    let _ = write!(
        out,
        "<testsuites name=\"connkit\" tests=\"{all_tests}\" failures=\"{all_failures}\" errors=\"0\">\n{suites}</testsuites>\n"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping() {
        assert_eq!(xml("a<b>&\"'\u{1}"), "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}");
    }
}
