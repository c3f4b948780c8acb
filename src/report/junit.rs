//! `--format junit`: one `<testsuite>` per connector, holding one `<testcase>` for the
//! connector (`all rules`: every rule that ran, how many in the suite's properties) and one
//! per rule that reported a finding. A test case per rule that ran made 232 per connector and
//! over 100,000 for a repository, which CI test tabs cannot show; a rule without findings is
//! counted, not listed.
//!
//! A rule with findings that fail the run fails its test case (`type` = the highest
//! severity); the failure's text lists those findings with position and pointer. Findings
//! below the fail level are listed in `<system-out>` without failing.

use std::fmt::Write;

use super::LintReport;
use super::run::{RunInfo, ci_path};
use crate::rules::Finding;
use crate::safe;

/// An untrusted field: [`safe::text`] (no line break, control character or log command),
/// then XML escaping.
fn field(s: &str) -> String {
    safe::xml(&safe::text(s))
}

/// One line per finding: severity (gate): file:line:column: message (pointer: …).
fn finding_lines(path: &str, found: &[&Finding]) -> String {
    let mut body = String::new();
    for f in found {
        let _ = writeln!(
            body,
            "{} ({}): {}:{}:{}: {}{}",
            f.severity.as_str(),
            f.gate.as_str(),
            safe::text(&ci_path(path, &f.file)),
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
    body
}

/// Only findings that fail the run (at or above the connector's `--fail-on` level) are
/// `<failure>`s; the others are listed in the test case's `<system-out>`, so dashboards agree
/// with connkit's exit code.
///
/// Written by hand rather than with the `quick-junit` crate: the document is small and flat,
/// and quick-junit would add quick-xml, chrono, indexmap and uuid crates to every build of
/// the binary for what is a few `write!`s plus [`safe::xml`] escaping. `tests/junit.rs` validates
/// the output against Jenkins' JUnit XSD, vendored as `schemas/jenkins-junit-10.xsd`.
pub(crate) fn render(report: &LintReport, run: &RunInfo) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut suites = String::new();
    let (mut all_tests, mut all_failures) = (0, 0);
    for (i, c) in report.connectors.iter().enumerate() {
        let fail_at = run.get(i).map(|r| r.fail_at).unwrap_or_default();
        let rules_run = run.get(i).map(|r| r.rules_run.len()).unwrap_or(0);
        // The rules that reported something, in the order they ran, then any other code.
        let mut codes: Vec<&'static str> = run
            .get(i)
            .map(|r| r.rules_run.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|code| c.findings.iter().any(|f| f.code == *code))
            .collect();
        for f in &c.findings {
            if !codes.contains(&f.code) {
                codes.push(f.code);
            }
        }
        // The connector's own case: it ran; its rules' verdicts are the cases below.
        let mut cases = format!(
            "    <testcase name=\"all rules\" classname=\"{}\"/>\n",
            field(&c.path)
        );
        let mut failures = 0;
        for code in &codes {
            let found: Vec<&Finding> = c.findings.iter().filter(|f| f.code == *code).collect();
            let _ = write!(
                cases,
                "    <testcase name=\"{}\" classname=\"{}\"",
                safe::xml(code),
                field(&c.path)
            );
            if found.is_empty() {
                cases.push_str("/>\n");
                continue;
            }
            cases.push_str(">\n");
            let (failing, passing): (Vec<&Finding>, Vec<&Finding>) =
                found.iter().partition(|f| fail_at.fails(f.severity));
            if let Some(worst) = failing.iter().map(|f| f.severity).max() {
                failures += 1;
                let first = failing.first().map(|f| f.message.as_str()).unwrap_or("");
                let _ = writeln!(
                    cases,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    worst.as_str(),
                    field(&if failing.len() > 1 {
                        format!("{} findings; first: {first}", failing.len())
                    } else {
                        first.to_string()
                    }),
                    safe::xml(&finding_lines(&c.path, &failing))
                );
            }
            if !passing.is_empty() {
                let _ = writeln!(
                    cases,
                    "      <system-out>{}</system-out>",
                    safe::xml(&format!(
                        "Below the fail level (not failing the run):\n{}",
                        finding_lines(&c.path, &passing)
                    ))
                );
            }
            cases.push_str("    </testcase>\n");
        }
        let not_failing = c
            .findings
            .iter()
            .filter(|f| !fail_at.fails(f.severity))
            .count();
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n    <properties>\n      <property name=\"profile\" value=\"{}\"/>\n      <property name=\"fail-on\" value=\"{}\"/>\n      <property name=\"rules-run\" value=\"{rules_run}\"/>\n      <property name=\"findings\" value=\"{}\"/>\n      <property name=\"not-failing\" value=\"{not_failing}\"/>\n      <property name=\"suppressed\" value=\"{}\"/>\n    </properties>\n{cases}  </testsuite>\n",
            field(&c.path),
            codes.len() + 1,
            c.profile.as_str(),
            fail_at.0.map(|s| s.as_str()).unwrap_or("never"),
            c.findings.len(),
            run.get(i).map(|r| r.suppressed).unwrap_or(0)
        );
        all_tests += codes.len() + 1;
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
        assert_eq!(
            safe::xml("a<b>&\"'\u{1}"),
            "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}"
        );
    }

    fn report(severities: &[crate::rules::Severity]) -> LintReport {
        use crate::report::ConnectorReport;
        let f = |(i, s): (usize, &crate::rules::Severity)| Finding {
            code: if i == 0 { "A" } else { "B" },
            severity: *s,
            gate: crate::core::Gate::Pipeline,
            file: "apiDefinition.swagger.json".into(),
            pointer: String::new(),
            line: 1,
            column: 1,
            message: format!("first line {i}\nsecond line"),
            end_column: 2,
            source_line: None,
            source_column: 1,
        };
        LintReport {
            connectors: vec![ConnectorReport {
                path: "c".into(),
                profile: crate::rules::Profile::Custom,
                profile_source: crate::core::ProfileSource::Default,
                findings: severities.iter().enumerate().map(f).collect(),
            }],
        }
    }

    fn run(fail_at: Option<crate::rules::Severity>) -> RunInfo {
        RunInfo {
            connectors: vec![crate::report::run::ConnectorRun {
                fail_at: crate::report::run::FailAt(fail_at),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn only_what_fails_the_run_is_a_failure() {
        use crate::rules::Severity::*;
        // An error (rule A) and an info (rule B), failing on errors: one failure.
        let x = render(&report(&[Error, Info]), &run(Some(Error)));
        assert_eq!(x.matches("<failure ").count(), 1, "{x}");
        assert!(x.contains("failures=\"1\""), "{x}");
        assert!(x.contains("<system-out>Below the fail level"), "{x}");
        // --fail-on never: nothing fails, everything is still reported.
        let x = render(&report(&[Error, Warning]), &run(None));
        assert_eq!(x.matches("<failure ").count(), 0, "{x}");
        assert!(x.contains("failures=\"0\""), "{x}");
        assert_eq!(x.matches("<system-out>").count(), 2, "{x}");
        // --fail-on warning: the warning fails too.
        let x = render(&report(&[Error, Warning]), &run(Some(Warning)));
        assert_eq!(x.matches("<failure ").count(), 2, "{x}");
    }

    #[test]
    fn one_case_per_connector_and_per_rule_with_findings_not_per_rule_that_ran() {
        use crate::rules::Severity::*;
        let mut r = run(Some(Error));
        r.connectors[0].rules_run = vec!["Z", "B", "Y", "A", "X"];
        let x = render(&report(&[Error, Info]), &r);
        let names: Vec<&str> = x
            .split("<testcase name=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(names, ["all rules", "B", "A"], "{x}");
        assert!(x.contains("tests=\"3\""), "{x}");
        assert!(
            x.contains("<property name=\"rules-run\" value=\"5\"/>"),
            "{x}"
        );
        // A clean connector is one passing case.
        let clean = LintReport {
            connectors: vec![crate::report::ConnectorReport {
                findings: Vec::new(),
                ..report(&[]).connectors.remove(0)
            }],
        };
        let x = render(&clean, &r);
        assert_eq!(x.matches("<testcase ").count(), 1, "{x}");
        assert!(x.contains("failures=\"0\""));
    }

    /// A message is untrusted text (it quotes the connector): its line breaks are escaped
    /// (`\n`, `\r`, U+2028), as in every format, never written as `&#10;` / `&#13;`, which a
    /// dashboard would show as a line of its own.
    #[test]
    fn line_breaks_in_message_attributes_are_escaped() {
        let mut r = report(&[crate::rules::Severity::Error]);
        r.connectors[0].findings[0].message = "one\ntwo\rthree\u{2028}four".into();
        let x = render(&r, &run(Some(crate::rules::Severity::Error)));
        assert!(
            x.contains("message=\"one\\ntwo\\rthree\\u{2028}four\""),
            "{x}"
        );
        assert!(
            !x.contains("&#10;") && !x.contains("&#13;") && !x.contains('\r'),
            "{x}"
        );
    }
}
