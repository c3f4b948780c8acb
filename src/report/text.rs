//! rustc-style text output.
//!
//! Hand-written rather than through annotate-snippets: each finding has exactly one line and
//! one underline, which we already know; thirty lines here keep the output stable while that
//! crate's API keeps changing between minors.

use std::fmt::Write;

use anstyle::Style;

use super::style::{Paint, frame, severity as style};
use super::{LintReport, display_path};
use crate::core::Gate;
use crate::rules::{Finding, Severity};
use crate::safe;

pub(crate) fn render_finding(out: &mut String, connector_path: &str, f: &Finding, color: bool) {
    let p = Paint(color);
    let blue = frame();
    let bold = Style::new().bold();
    let _ = writeln!(
        out,
        "{}{} {}",
        p.s(
            style(f.severity),
            &format!("{}[{}]", f.severity.as_str(), f.code)
        ),
        p.s(bold, ":"),
        p.s(bold, &safe::text(&f.message))
    );
    let width = f.line.to_string().len();
    let pad = " ".repeat(width);
    let _ = writeln!(
        out,
        "{pad}{} {}:{}:{}",
        p.s(blue, "-->"),
        safe::text(&display_path(connector_path, &f.file)),
        f.line,
        f.column
    );
    if let Some(src) = f.source_line.as_deref() {
        // Tabs become one space so the caret lines up with the column count.
        // Control characters are shown escaped (`\x1b`): the excerpt is the file's text.
        let shown: String = src
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .take(240)
            .collect();
        let shown = safe::text(&shown);
        let carets = f.end_column.saturating_sub(f.column).clamp(1, 120);
        let _ = writeln!(out, "{pad} {}", p.s(blue, "|"));
        let _ = writeln!(
            out,
            "{} {} {shown}",
            p.s(blue, &f.line.to_string()),
            p.s(blue, "|")
        );
        let _ = writeln!(
            out,
            "{pad} {} {}{}",
            p.s(blue, "|"),
            " ".repeat(f.column.saturating_sub(f.source_column.max(1))),
            p.s(style(f.severity), &"^".repeat(carets))
        );
    }
    if !f.pointer.is_empty() {
        let _ = writeln!(
            out,
            "{pad} {} pointer: {}",
            p.s(blue, "="),
            safe::text(&f.pointer)
        );
    }
    let _ = writeln!(
        out,
        "{pad} {} gate: {} ({})",
        p.s(blue, "="),
        f.gate.as_str(),
        f.gate.meaning(f.severity)
    );
    out.push('\n');
}

/// "Profile: certified (the path is under certified-connectors/)", or one line per
/// profile when the connectors of a run differ.
pub(crate) fn profile_line(report: &LintReport) -> String {
    let mut groups: Vec<(String, usize)> = Vec::new();
    for c in &report.connectors {
        let d = c.profile_source.describe(c.profile);
        match groups.iter_mut().find(|(g, _)| *g == d) {
            Some((_, n)) => *n += 1,
            None => groups.push((d, 1)),
        }
    }
    match groups.as_slice() {
        [] => String::new(),
        [(d, _)] => format!("Profile: {d}\n"),
        many => {
            let mut s = String::from("Profiles:\n");
            for (d, n) in many {
                let _ = writeln!(s, "  {n} × {d}");
            }
            s
        }
    }
}

/// One line per gate that has findings: what would stop the submission, at a glance. The
/// counts column is as wide as its longest entry (at least 32), so large counts never run
/// into the gate's description.
fn gate_lines(s: &super::Summary) -> String {
    let mut rows = Vec::new();
    for gate in Gate::ALL {
        let c = s.by_gate.get(gate);
        if c.total() == 0 {
            continue;
        }
        let mut parts = Vec::new();
        for (n, w) in [
            (c.errors, "error"),
            (c.warnings, "warning"),
            (c.infos, "info"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {w}{}", if n == 1 { "" } else { "s" }));
            }
        }
        rows.push((gate, parts.join(", ")));
    }
    let w = rows
        .iter()
        .map(|(_, counts)| counts.chars().count() + 2)
        .max()
        .unwrap_or(0)
        .max(32);
    let mut out = String::new();
    for (gate, counts) in rows {
        let _ = writeln!(out, "  {:<9}{counts:<w$}{}", gate.as_str(), gate.describe());
    }
    out
}

/// The last line of a text report with findings: where the explanations are, with the
/// first of the most severe codes reported as the example. Empty without findings.
pub(crate) fn explain_hint(report: &LintReport) -> String {
    let mut example: Option<&Finding> = None;
    for f in report.connectors.iter().flat_map(|c| &c.findings) {
        if example.is_none_or(|e| f.severity > e.severity) {
            example = Some(f);
        }
    }
    match example {
        Some(f) => format!(
            "Why a rule exists and how to fix it: `connkit explain CODE` (e.g. `connkit explain {}`).\n",
            safe::text(f.code)
        ),
        None => String::new(),
    }
}

/// Wrap `text` at `width` columns (characters), every line starting with `indent`. Words
/// longer than a line are kept whole. Hand-written: the listings that need it hold short
/// ASCII summaries, not worth a dependency.
pub(crate) fn wrap(text: &str, indent: &str, width: usize) -> String {
    let room = width.saturating_sub(indent.chars().count()).max(1);
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

pub(crate) fn render(report: &LintReport, color: bool) -> String {
    let mut out = String::new();
    for c in &report.connectors {
        for f in &c.findings {
            render_finding(&mut out, &c.path, f, color);
        }
    }
    let s = report.summary();
    let clean = report
        .connectors
        .iter()
        .filter(|c| c.findings.is_empty())
        .count();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let line = if s.errors + s.warnings + s.infos == 0 {
        format!(
            "All checks passed: {}, no findings.",
            plural(s.connectors, "connector")
        )
    } else {
        format!(
            "Found {}, {}, {} in {} ({} clean).",
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.infos, "info"),
            plural(s.connectors, "connector"),
            clean
        )
    };
    let p = Paint(color);
    let st = if s.errors > 0 {
        style(Severity::Error)
    } else if s.warnings > 0 {
        style(Severity::Warning)
    } else {
        Style::new().bold()
    };
    out.push_str(&profile_line(report));
    let _ = writeln!(out, "{}", p.s(st, &line));
    out.push_str(&gate_lines(&s));
    out
}

/// `connkit fmt`'s line about a file: what happened to it, and its path (through
/// [`crate::safe::text`]).
pub(crate) fn file_line(what: &str, path: &std::path::Path) -> String {
    format!(
        "{what} {}\n",
        crate::safe::text(&path.display().to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ConnectorReport;
    use crate::rules::Profile;

    #[test]
    fn wrap_keeps_every_line_within_the_width() {
        let text = "word ".repeat(60);
        let wrapped = wrap(&text, "    ", 40);
        assert!(
            wrapped
                .lines()
                .all(|l| l.chars().count() <= 40 && l.starts_with("    "))
        );
        assert_eq!(wrapped.split_whitespace().count(), 60);
        assert_eq!(wrap("short", "  ", 100), "  short\n");
    }

    #[test]
    fn long_counts_never_run_into_the_gate_description() {
        let mut s = crate::report::Summary::default();
        let c = s.by_gate.get_mut(Gate::Pipeline);
        c.errors = 123_456;
        c.warnings = 234_567;
        c.infos = 345_678;
        let lines = gate_lines(&s);
        let line = lines.lines().next().unwrap();
        assert!(
            line.contains("345678 infos  Microsoft"),
            "counts and description are apart: {line}"
        );
    }

    #[test]
    fn rustc_like_layout() {
        let f = Finding {
            code: "OperationIdNotUnique",
            severity: Severity::Error,
            gate: crate::core::Gate::Pipeline,
            file: "apiDefinition.swagger.json".into(),
            pointer: "/paths/~1a/get/operationId".into(),
            line: 12,
            column: 7,
            message: "dup".into(),
            end_column: 20,
            source_line: Some("      \"operationId\": \"X\",".into()),
            source_column: 1,
        };
        let r = LintReport {
            connectors: vec![ConnectorReport {
                path: "conn".into(),
                profile: Profile::Custom,
                profile_source: crate::core::ProfileSource::Default,
                findings: vec![f],
            }],
        };
        let t = render(&r, false);
        let lines: Vec<_> = t.lines().collect();
        assert_eq!(lines[0], "error[OperationIdNotUnique]: dup");
        assert_eq!(lines[1], "  --> conn/apiDefinition.swagger.json:12:7");
        assert_eq!(lines[3], "12 |       \"operationId\": \"X\",");
        assert_eq!(lines[4], "   |       ^^^^^^^^^^^^^");
        assert_eq!(
            lines[6],
            "   = gate: pipeline (Microsoft's PR pipeline fails the check on this)"
        );
        assert!(t.contains("\nProfile: custom (default: "));
        assert!(t.contains("Found 1 error, 0 warnings, 0 infos in 1 connector (0 clean).\n"));
        assert!(t.ends_with(
            "  pipeline 1 error                         Microsoft's PR pipeline validator\n"
        ));
        assert!(!t.contains('\u{1b}'));
        assert!(render(&r, true).contains('\u{1b}'));
    }
}
