//! Renderers of `connkit test`: text for people, the JSON document of issue 28, JUnit (one
//! test case per operation) and Markdown for pull-request comments and job summaries. Every
//! untrusted field (server statuses are numbers, but messages quote response values, URLs
//! and operation ids come from the connector) goes through [`crate::safe`].

use std::fmt::Write;

use crate::contract::{OperationResult, TestOutcome, Verdict};
use crate::safe;

/// `connkit test --format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TestFormat {
    Text,
    Json,
    Junit,
    Markdown,
}

/// The outcome in `format`; JUnit names its suite after the connector's folder (`dir`).
pub(crate) fn render(
    format: TestFormat,
    outcome: &TestOutcome,
    dir: &std::path::Path,
    color: bool,
) -> String {
    match format {
        TestFormat::Text => text(outcome, color),
        TestFormat::Json => json(outcome),
        TestFormat::Junit => {
            let suite = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "connector".into());
            junit(outcome, &suite)
        }
        TestFormat::Markdown => markdown(outcome),
    }
}

fn status_of(o: &OperationResult) -> String {
    o.requests
        .iter()
        .map(|r| {
            format!(
                "{} {} → {}",
                r.method,
                safe::text(&r.url),
                r.status
                    .map_or("no response".to_string(), |s| s.to_string())
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text: one line per operation, its problems indented below, a summary line.
pub(crate) fn text(outcome: &TestOutcome, color: bool) -> String {
    let paint = |s: &str, code: &str| {
        if color {
            format!("\u{1b}[{code}m{s}\u{1b}[0m")
        } else {
            s.to_string()
        }
    };
    let mut s = String::new();
    for o in &outcome.operations {
        let tag = match o.status {
            Verdict::Passed => paint("PASS", "32"),
            Verdict::Failed => paint("FAIL", "1;31"),
            Verdict::Skipped => paint("SKIP", "33"),
        };
        let _ = write!(s, "{tag}  {}", safe::text(&o.operation_id));
        if !o.requests.is_empty() {
            let _ = write!(s, "  {}", status_of(o));
        }
        s.push('\n');
        for p in &o.problems {
            let _ = writeln!(
                s,
                "      {}  {}  {}",
                paint(p.code, "1"),
                safe::text(&p.path),
                safe::text(&p.pointer)
            );
            let _ = writeln!(s, "        {}", safe::text(&p.message));
        }
        if let Some(n) = &o.note {
            let _ = writeln!(s, "      note: {}", safe::text(n));
        }
    }
    let m = &outcome.summary;
    let _ = writeln!(
        s,
        "{} operations: {} passed, {} failed, {} skipped",
        outcome.operations.len(),
        m.passed,
        m.failed,
        m.skipped
    );
    s
}

/// The JSON document: `{"operations": [...], "summary": {...}}`.
pub(crate) fn json(outcome: &TestOutcome) -> String {
    let text = serde_json::to_string_pretty(&outcome.to_json()).unwrap_or_default() + "\n";
    safe::json(text)
}

fn xml(s: &str) -> String {
    safe::xml(&safe::text(s))
}

/// JUnit XML: one `<testsuite>` for the connector, one `<testcase>` per operation; failures
/// list the problems, skips carry the note.
pub(crate) fn junit(outcome: &TestOutcome, suite: &str) -> String {
    let m = &outcome.summary;
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<testsuites name=\"connkit test\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
        outcome.operations.len(),
        m.failed,
        m.skipped
    );
    let _ = writeln!(
        s,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
        xml(suite),
        outcome.operations.len(),
        m.failed,
        m.skipped
    );
    for o in &outcome.operations {
        let _ = write!(
            s,
            "    <testcase name=\"{}\" classname=\"{}\"",
            xml(&o.operation_id),
            xml(suite)
        );
        match o.status {
            Verdict::Passed => s.push_str("/>\n"),
            Verdict::Skipped => {
                let _ = writeln!(
                    s,
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                    xml(o.note.as_deref().unwrap_or("skipped"))
                );
            }
            Verdict::Failed => {
                let first = o.problems.first().map_or("", |p| p.code);
                let mut body = String::new();
                for p in &o.problems {
                    let _ = writeln!(
                        body,
                        "{} at {} ({}): {}",
                        p.code,
                        safe::text(&p.path),
                        safe::text(&p.pointer),
                        safe::text(&p.message)
                    );
                }
                let _ = writeln!(
                    s,
                    ">\n      <failure message=\"{} problem(s)\" type=\"{}\">{}</failure>\n    </testcase>",
                    o.problems.len(),
                    xml(first),
                    safe::xml(&body)
                );
            }
        }
    }
    s.push_str("  </testsuite>\n</testsuites>\n");
    s
}

/// Markdown: a table of operations, then each failure's problems.
pub(crate) fn markdown(outcome: &TestOutcome) -> String {
    let m = &outcome.summary;
    let mut s = format!(
        "## connkit test\n\n{} passed, {} failed, {} skipped\n\n| Operation | Result | Requests | Note |\n|---|---|---|---|\n",
        m.passed, m.failed, m.skipped
    );
    for o in &outcome.operations {
        let icon = match o.status {
            Verdict::Passed => "✅ passed",
            Verdict::Failed => "❌ failed",
            Verdict::Skipped => "⏭️ skipped",
        };
        let _ = writeln!(
            s,
            "| `{}` | {icon} | {} | {} |",
            safe::markdown_code(&o.operation_id),
            safe::markdown(&status_of(o)),
            safe::markdown(o.note.as_deref().unwrap_or(""))
        );
    }
    for o in outcome.operations.iter().filter(|o| !o.problems.is_empty()) {
        let _ = write!(
            s,
            "\n### `{}`\n\n| Code | Path | Pointer | Message |\n|---|---|---|---|\n",
            safe::markdown_code(&o.operation_id)
        );
        for p in &o.problems {
            let _ = writeln!(
                s,
                "| `{}` | `{}` | `{}` | {} |",
                p.code,
                safe::markdown_code(&p.path),
                safe::markdown_code(&p.pointer),
                safe::markdown(&p.message)
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{Problem, RequestLog};

    fn outcome() -> TestOutcome {
        TestOutcome::new(vec![
            OperationResult {
                operation_id: "GetOrder".into(),
                status: Verdict::Failed,
                requests: vec![RequestLog {
                    method: "GET".into(),
                    url: "http://127.0.0.1:1/v1/orders/1".into(),
                    status: Some(200),
                }],
                problems: vec![Problem {
                    code: "TestTypeMismatch",
                    pointer: "/definitions/Order/properties/number".into(),
                    path: "$.number".into(),
                    message: "expected integer, got string \"12\"\n::error::x ##vso[task.complete]"
                        .into(),
                }],
                note: None,
            },
            OperationResult {
                operation_id: "Create<Order>".into(),
                status: Verdict::Skipped,
                requests: vec![],
                problems: vec![],
                note: Some("required input 'body' has no value".into()),
            },
        ])
    }

    #[test]
    fn every_format_names_the_verdicts_and_stays_inert() {
        let o = outcome();
        let t = text(&o, false);
        assert!(
            t.contains("FAIL  GetOrder") && t.contains("SKIP  Create<Order>"),
            "{t}"
        );
        assert!(
            t.contains("2 operations: 0 passed, 1 failed, 1 skipped"),
            "{t}"
        );
        let j: serde_json::Value = serde_json::from_str(&json(&o)).unwrap();
        assert_eq!(j["operations"][0]["problems"][0]["path"], "$.number");
        assert_eq!(j["summary"]["failed"], 1);
        assert_eq!(j["operations"][1]["status"], "skipped");
        let x = junit(&o, "contoso");
        assert!(
            x.contains("<skipped message=\"required input 'body' has no value\"/>")
                || x.contains("&apos;body&apos;"),
            "{x}"
        );
        assert!(x.contains("name=\"Create&lt;Order&gt;\""), "{x}");
        let md = markdown(&o);
        // Inside a code span, markup is inert.
        assert!(
            md.contains("❌ failed") && md.contains("| `Create<Order>` |"),
            "{md}"
        );
        for out in [t, json(&o), x, md] {
            assert!(!out.contains("##vso["), "{out}");
            assert!(
                !out.lines().any(|l| l.trim_start().starts_with("::")),
                "{out}"
            );
        }
    }
}
