//! Renderers for `connkit diff`: text (default), json, markdown (PR comment), github and azure
//! (annotations on the new file), plus the optional unified text diff of normalized documents.

use std::fmt::Write as _;

use serde_json::json;

use super::{azure, github as gh};
use crate::diff::{Change, DiffReport, DiffSeverity, Loc, Side, compare};
use crate::safe;

/// The formats of `connkit diff`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DiffFormat {
    Text,
    Json,
    Markdown,
    Github,
    Azure,
}

/// A diff report in one format (`color`: text only), with the unified text diff where the
/// format has room for it (text, json, markdown).
pub(crate) fn render(
    format: DiffFormat,
    report: &DiffReport,
    text_diff: Option<&str>,
    color: bool,
) -> String {
    match format {
        DiffFormat::Text => {
            let mut s = text(report, color);
            if let Some(t) = text_diff {
                s.push('\n');
                s.push_str(t);
            }
            s
        }
        DiffFormat::Json => json(report, text_diff),
        DiffFormat::Markdown => markdown(report, text_diff),
        DiffFormat::Github => github(report),
        DiffFormat::Azure => azure(report),
    }
}

/// The line printed when the old side does not exist.
pub(crate) fn no_previous(old: &str) -> String {
    format!(
        "{}: no previous revision; nothing to compare\n",
        safe::text(old)
    )
}

fn groups(report: &DiffReport) -> Vec<(&str, Vec<&Change>)> {
    let mut out: Vec<(&str, Vec<&Change>)> = Vec::new();
    for c in &report.changes {
        match out.iter_mut().find(|(op, _)| *op == c.operation.as_str()) {
            Some((_, v)) => v.push(c),
            None => out.push((c.operation.as_str(), vec![c])),
        }
    }
    // Connector-level first, then operations with their most severe change first.
    out.sort_by_key(|(op, v)| {
        (
            !op.is_empty(),
            std::cmp::Reverse(v.iter().map(|c| c.severity()).max()),
        )
    });
    for (_, v) in &mut out {
        v.sort_by_key(|c| std::cmp::Reverse(c.severity()));
    }
    out
}

fn loc_text(l: &Option<Loc>) -> String {
    match l {
        Some(l) if l.line > 0 => format!(
            "{}:{}:{}  {}",
            safe::text(&l.file),
            l.line,
            l.column,
            safe::text(display_ptr(&l.pointer))
        ),
        Some(l) => format!(
            "{}  {}",
            safe::text(&l.file),
            safe::text(display_ptr(&l.pointer))
        ),
        None => "-".into(),
    }
}

fn display_ptr(p: &str) -> &str {
    if p.is_empty() { "/" } else { p }
}

/// A change's tag in the colour of the lint severity it stands beside: breaking as errors.
fn paint(s: &str, sev: DiffSeverity, color: bool) -> String {
    let sev = match sev {
        DiffSeverity::Breaking => crate::core::Severity::Error,
        DiffSeverity::Warning => crate::core::Severity::Warning,
        DiffSeverity::Info => crate::core::Severity::Info,
    };
    super::style::Paint(color).s(super::style::severity(sev), s)
}

fn summary_line(report: &DiffReport) -> String {
    let s = report.summary();
    let mut line = format!(
        "{} breaking, {} warning, {} info",
        s.breaking, s.warning, s.info
    );
    if s.accepted > 0 {
        let _ = write!(line, " ({} accepted)", s.accepted);
    }
    line
}

/// Human-readable report grouped by operation.
pub(crate) fn text(report: &DiffReport, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "connkit diff {} -> {}",
        safe::text(&report.old_label),
        safe::text(&report.new_label)
    );
    if report.changes.is_empty() {
        out.push_str("\nno changes to the connector's contract\n");
        return out;
    }
    for (op, changes) in groups(report) {
        let title = if op.is_empty() {
            "connector".to_string()
        } else {
            format!("operation {}", safe::text(op))
        };
        let _ = writeln!(out, "\n{title}");
        for c in changes {
            let tag = format!("{}[{}]", c.severity().as_str(), c.rule.code);
            let tag = match &c.accepted {
                Some(_) => format!("accepted {tag}"),
                None => paint(&tag, c.severity(), color),
            };
            let _ = writeln!(out, "  {tag}: {}", safe::text(&c.message));
            let _ = writeln!(out, "      old: {}", loc_text(&c.old));
            let _ = writeln!(out, "      new: {}", loc_text(&c.new));
            let _ = writeln!(out, "      gate: {}", diff_gate_note(c.rule));
            if let Some(ms) = c.rule.microsoft {
                let _ = writeln!(out, "      Microsoft: \"{ms}.\"");
            }
            if let Some(r) = &c.accepted {
                let _ = writeln!(out, "      accepted: {}", safe::text(r));
            }
        }
    }
    let _ = writeln!(out, "\n{}", summary_line(report));
    out
}

/// "pipeline (Microsoft's change validator reports it)" for text output.
pub(crate) fn diff_gate_note(rule: &crate::diff::rules::DiffRule) -> String {
    use crate::core::Gate;
    let why = match rule.gate {
        Gate::Pipeline => "Microsoft's change validator reports it; reviewers ask you to confirm",
        Gate::Review => "documented as not allowed in an update; reviewers refuse it",
        Gate::Platform => "no check reports it, but existing flows may break",
        Gate::Advice => "safe",
    };
    format!("{} ({why})", rule.gate.as_str())
}

fn loc_json(l: &Option<Loc>) -> serde_json::Value {
    match l {
        Some(l) => json!({"pointer": l.pointer, "line": l.line, "column": l.column}),
        None => serde_json::Value::Null,
    }
}

/// One JSON document (`schema_version` 1).
pub(crate) fn json(report: &DiffReport, text_diff: Option<&str>) -> String {
    let changes: Vec<serde_json::Value> = report
        .changes
        .iter()
        .map(|c| {
            let mut v = json!({
                "code": c.rule.code,
                "severity": c.severity(),
                "gate": c.rule.gate,
                "operation": c.operation,
                "old": loc_json(&c.old),
                "new": loc_json(&c.new),
                "message": c.message,
            });
            if let (Some(ms), Some(o)) = (c.rule.microsoft, v.as_object_mut()) {
                o.insert("microsoft_message".into(), json!(ms));
            }
            if let (Some(r), Some(o)) = (&c.accepted, v.as_object_mut()) {
                o.insert("accepted".into(), json!({"reason": r}));
            }
            v
        })
        .collect();
    let mut doc = json!({
        "schema_version": 1,
        "tool": crate::report::json::tool(),
        "old": report.old_label,
        "new": report.new_label,
        "changes": changes,
        "summary": report.summary(),
    });
    if let (Some(t), Some(o)) = (text_diff, doc.as_object_mut()) {
        o.insert("text_diff".into(), json!(t));
    }
    safe::json(serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n")
}

/// Markdown text and code spans: [`safe::markdown`] / [`safe::markdown_code`].
fn md_escape(s: &str) -> String {
    safe::markdown(s)
}

fn md_code(s: &str) -> String {
    safe::markdown_code(s)
}

/// The default size of the Markdown comment: a GitHub pull-request comment holds 65,536
/// characters; stay clearly below it.
pub(crate) const MARKDOWN_MAX_BYTES: usize = 65_000;

/// A pull-request comment of at most [`MARKDOWN_MAX_BYTES`].
pub(crate) fn markdown(report: &DiffReport, text_diff: Option<&str>) -> String {
    markdown_capped(report, text_diff, MARKDOWN_MAX_BYTES)
}

/// A pull-request comment of at most `max_bytes`: the verdict and counts, then the changes
/// table folded in `<details>` (connector-level and the most severe first, as the groups
/// order them), then the text diff, folded too. What does not fit is left out and a note says
/// how much (and how many breaking changes among it), as lint's Markdown does.
pub(crate) fn markdown_capped(
    report: &DiffReport,
    text_diff: Option<&str>,
    max_bytes: usize,
) -> String {
    // Room kept for the closing lines: the fold's end and the note on what was left out.
    const RESERVE: usize = 600;
    let s = report.summary();
    let mut out = String::new();
    let verdict = if s.breaking > 0 {
        "Breaking changes found"
    } else {
        "No breaking changes"
    };
    let _ = writeln!(out, "### connkit diff: {verdict}\n");
    let _ = writeln!(
        out,
        "`{}` → `{}`\n",
        md_code(&report.old_label),
        md_code(&report.new_label)
    );
    let _ = writeln!(
        out,
        "| breaking | warning | info | accepted |\n|---:|---:|---:|---:|"
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n",
        s.breaking, s.warning, s.info, s.accepted
    );
    let (mut cut, mut cut_breaking) = (0usize, 0usize);
    if !report.changes.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} change{}</summary>\n\n| Severity | Gate | Code | Operation | Change | Where (new) |\n|---|---|---|---|---|---|",
            report.changes.len(),
            if report.changes.len() == 1 { "" } else { "s" }
        );
        for (_, changes) in groups(report) {
            for c in changes {
                let row = change_row(c);
                if cut > 0 || out.len() + row.len() + RESERVE > max_bytes {
                    cut += 1;
                    if c.accepted.is_none() && c.severity() == DiffSeverity::Breaking {
                        cut_breaking += 1;
                    }
                    continue;
                }
                out.push_str(&row);
            }
        }
        out.push_str("\n</details>\n");
    }
    if let Some(t) = text_diff {
        // Mentions are inert in a fence already; the zero-width space keeps it so if the
        // fence is ever lost.
        let t = &t.replace('@', "@\u{200B}");
        // A fence longer than any backtick run inside, so the diff cannot close it.
        let longest = t.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        let block = format!(
            "\n<details><summary>Text diff of the normalized documents</summary>\n\n{fence}diff\n{}{fence}\n</details>\n",
            t
        );
        if out.len() + block.len() + RESERVE > max_bytes {
            let _ = writeln!(
                out,
                "\nThe text diff ({} bytes) is left out to stay within the size limit; run `connkit diff --text` to see it.",
                block.len()
            );
        } else {
            out.push_str(&block);
        }
    }
    if cut > 0 {
        let _ = writeln!(
            out,
            "\n{cut} change{} ({cut_breaking} breaking) left out to stay within {max_bytes} bytes; `connkit diff --format json` lists every change.",
            if cut == 1 { "" } else { "s" }
        );
    }
    out
}

/// One row of the changes table.
fn change_row(c: &Change) -> String {
    let sev = match (&c.accepted, c.severity()) {
        (Some(_), sev) => format!("accepted {}", sev.as_str()),
        (None, DiffSeverity::Breaking) => "🛑 breaking".into(),
        (None, DiffSeverity::Warning) => "⚠️ warning".into(),
        (None, DiffSeverity::Info) => "ℹ️ info".into(),
    };
    let mut msg = md_escape(&c.message);
    if let Some(r) = &c.accepted {
        let _ = write!(msg, " (accepted: {})", md_escape(r));
    }
    let at = c
        .new
        .as_ref()
        .or(c.old.as_ref())
        .map(|l| format!("`{}` line {}", md_code(display_ptr(&l.pointer)), l.line))
        .unwrap_or_default();
    let op = if c.operation.is_empty() {
        "(connector)".to_string()
    } else {
        format!("`{}`", md_code(&c.operation))
    };
    format!(
        "| {sev} | {} | `{}` | {op} | {msg} | {at} |\n",
        c.rule.gate.as_str(),
        c.rule.code
    )
}

fn annotation_loc(c: &Change) -> Option<&Loc> {
    c.new.as_ref().or(c.old.as_ref())
}

/// Untrusted text made inert ([`safe::text`]), then the runner's escaping.
fn gh_escape(s: &str) -> String {
    gh::escape_data(&safe::text(s))
}

fn gh_prop(s: &str) -> String {
    gh::escape_property(&safe::text(s))
}

/// GitHub Actions workflow commands (`::error file=…,line=…::`), on the new file.
pub(crate) fn github(report: &DiffReport) -> String {
    let mut out = String::new();
    for c in report.changes.iter().filter(|c| c.accepted.is_none()) {
        let level = match c.severity() {
            DiffSeverity::Breaking => "error",
            DiffSeverity::Warning => "warning",
            DiffSeverity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(l) = annotation_loc(c) {
            props.push(format!("file={}", gh_prop(strip_rev(&l.file))));
            if l.line > 0 {
                props.push(format!("line={},col={}", l.line, l.column));
            }
        }
        props.push(format!("title={}", gh_prop(c.rule.code)));
        let _ = writeln!(
            out,
            "::{level} {}::{}",
            props.join(","),
            gh_escape(&c.message)
        );
    }
    let _ = writeln!(out, "{}", summary_line(report));
    out
}

/// Azure Pipelines logging commands (`##vso[task.logissue …]`); info changes are not logged
/// as issues (Azure has only error and warning).
pub(crate) fn azure(report: &DiffReport) -> String {
    let mut out = String::new();
    for c in report.changes.iter().filter(|c| c.accepted.is_none()) {
        let level = match c.severity() {
            DiffSeverity::Breaking => "error",
            DiffSeverity::Warning => "warning",
            DiffSeverity::Info => continue,
        };
        let mut props = format!("type={level};");
        if let Some(l) = annotation_loc(c) {
            let _ = write!(
                props,
                "sourcepath={};",
                azure::escape_property(&safe::text(strip_rev(&l.file)))
            );
            if l.line > 0 {
                let _ = write!(props, "linenumber={};columnnumber={};", l.line, l.column);
            }
        }
        let _ = write!(props, "code={};", c.rule.code);
        let msg = azure::escape_data(&safe::text(&c.message));
        let _ = writeln!(out, "##vso[task.logissue {props}]{msg}");
    }
    let _ = writeln!(out, "{}", summary_line(report));
    out
}

/// `REV:path/file` → `path/file` (annotations want a path in the checkout).
fn strip_rev(file: &str) -> &str {
    match crate::diff::source::parse_git_spec(file) {
        Some(_) => file
            .split_once(':')
            .map(|(_, p)| p.trim_start_matches("./"))
            .unwrap_or(file),
        None => file,
    }
}

/// Unified diff of the normalized documents (keys sorted, pretty-printed): reformatting and
/// key reordering give no lines.
pub(crate) fn text_diff(old: &Side, new: &Side) -> String {
    let norm = |f: &Option<crate::model::DataFile>| {
        f.as_ref()
            .and_then(|d| d.value.as_ref())
            .map(|v| serde_json::to_string_pretty(&compare::sorted(v)).unwrap_or_default() + "\n")
            .unwrap_or_default()
    };
    let mut out = String::new();
    for (which, o, n) in [
        ("definition", &old.definition, &new.definition),
        ("apiProperties.json", &old.properties, &new.properties),
    ] {
        let (a, b) = (norm(o), norm(n));
        if a == b {
            continue;
        }
        let name = |f: &Option<crate::model::DataFile>, label: &str| {
            f.as_ref()
                .map(|d| format!("{label} ({})", d.rel_path))
                .unwrap_or_else(|| format!("{label} ({which})"))
        };
        let diff = similar::TextDiff::from_lines(&a, &b);
        let unified = diff
            .unified_diff()
            .context_radius(3)
            .header(&name(o, &old.label), &name(n, &new.label))
            .to_string();
        // Each line of the documents' text made inert (JSON escapes C0 already; not C1,
        // bidirectional overrides or `##vso[`).
        for line in unified.lines() {
            let _ = writeln!(out, "{}", safe::text(line));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::accept;
    use crate::diff::testing::*;

    #[test]
    fn the_text_diff_ignores_layout_and_shows_real_changes() {
        let o = base();
        let a = side(&o, None);
        for text in [
            serde_json::to_string(&o).unwrap(),
            serde_json::to_string_pretty(&o)
                .unwrap()
                .replace("  ", "\t"),
        ] {
            let b = Side {
                label: "y".into(),
                definition: Some(crate::model::DataFile::from_text(
                    "n.json".into(),
                    "n.json".into(),
                    text,
                    Vec::new(),
                    false,
                )),
                properties: None,
            };
            assert!(text_diff(&a, &b).is_empty());
        }
        let mut n = o.clone();
        set(&mut n, "/host", Some(json!("x")));
        assert!(text_diff(&a, &side(&n, None)).contains("+  \"host\": \"x\""));
    }

    /// The real revision pair with 3,032 changes gave 945,722 characters: the comment now
    /// stays under the limit, folds the table and says what it left out.
    #[test]
    fn the_markdown_comment_is_capped_folded_and_says_what_it_left_out() {
        let mut old = base();
        for i in 0..3000 {
            set(
                &mut old,
                &format!("/paths/~1extra{i}"),
                Some(
                    json!({"get": {"operationId": format!("Extra{i}"), "summary": "An extra operation with a long enough summary", "responses": {"200": {"description": "OK"}}}}),
                ),
            );
        }
        let r = diff(&side(&old, None), &side(&base(), None));
        assert!(r.changes.len() >= 3000, "{}", r.changes.len());
        let text_diff = "-x\n".repeat(50_000);
        let md = markdown(&r, Some(&text_diff));
        assert!(md.len() <= MARKDOWN_MAX_BYTES, "{} bytes", md.len());
        assert!(md.contains(&format!(
            "<details><summary>{} changes</summary>",
            r.changes.len()
        )));
        let shown = md.lines().filter(|l| l.starts_with("| 🛑")).count();
        let note = regex::Regex::new(r"(\d+) changes \((\d+) breaking\) left out")
            .unwrap()
            .captures(&md)
            .expect("a note on what was cut");
        let cut: usize = note[1].parse().unwrap();
        assert_eq!(shown + cut, r.changes.len());
        assert!(
            md.contains("The text diff ("),
            "the text diff is left out, said so"
        );
        // A small diff is whole: every row, no note.
        let mut n = base();
        set(&mut n, "/paths/~1items", None);
        let small = diff(&side(&base(), None), &side(&n, None));
        let md = markdown(&small, None);
        assert!(!md.contains("left out"));
        assert_eq!(
            md.lines().filter(|l| l.starts_with("| 🛑")).count(),
            small
                .changes
                .iter()
                .filter(|c| c.severity() == DiffSeverity::Breaking)
                .count()
        );
    }

    #[test]
    fn accepted_changes_show_their_reason() {
        let mut n = base();
        set(&mut n, "/paths/~1items", None);
        let mut r = diff(&side(&base(), None), &side(&n, None));
        let entries = accept::parse(
            "[[accept]]\ncode = \"OperationDeleted\"\noperation = \"CreateItem\"\nreason = \"announced in March\"\n",
        )
        .unwrap();
        accept::apply(&mut r.changes, &entries);
        assert!(text(&r, false).contains("accepted: announced in March"));
    }

    #[test]
    fn json_render_has_the_documented_shape() {
        let mut n = base();
        set(&mut n, &format!("{ITEM}/properties/size"), None);
        let r = diff(&side(&base(), None), &side(&n, None));
        let v: Value = serde_json::from_str(&json(&r, None)).unwrap();
        assert_eq!(v["schema_version"], 1);
        let c = &v["changes"][0];
        for k in ["code", "severity", "operation", "old", "new", "message"] {
            assert!(c.get(k).is_some(), "missing {k}");
        }
        assert_eq!(c["severity"], "breaking");
        assert!(c["old"]["line"].as_u64().unwrap() > 0);
        assert_eq!(
            v["summary"]["breaking"].as_u64().unwrap() as usize,
            r.summary().breaking
        );
        let gh = github(&r);
        assert!(
            gh.starts_with("::error file=x/apiDefinition.swagger.json,line="),
            "{gh}"
        );
        let az = azure(&r);
        assert!(
            az.starts_with("##vso[task.logissue type=error;sourcepath="),
            "{az}"
        );
        assert!(markdown(&r, None).contains("| 🛑 breaking | pipeline | `OutputPropertyDeleted`"));
    }
}
