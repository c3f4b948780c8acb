//! `connkit diff OLD NEW` / `connkit diff --base REV PATH` (argument handling only).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use super::{EXIT_FINDINGS, print, print_json};
use crate::diff::{self, DiffSeverity, accept, source};
use crate::safe_eprintln;

#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// Old revision: a definition file, a connector folder, or a git spec REV:PATH.
    #[arg(required_unless_present_any = ["list_rules", "base"])]
    pub old: Option<String>,
    /// New revision (same forms as OLD). With --base: the path to compare.
    pub new: Option<String>,
    /// Compare PATH (working tree) against the same path at REV: `--base origin/dev PATH`.
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit with 1 when a change at or above this level remains (not accepted).
    #[arg(long, value_enum, default_value_t = DiffFailOn::Breaking)]
    pub fail_on: DiffFailOn,
    /// Accepted-changes file (default: connkit-accepted.toml beside the new connector).
    #[arg(long, value_name = "FILE")]
    pub accept: Option<PathBuf>,
    /// Also print a unified text diff of the normalized documents.
    #[arg(long)]
    pub text: bool,
    /// List every diff rule and exit.
    #[arg(long)]
    pub list_rules: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
    Github,
    Azure,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFailOn {
    Breaking,
    Warning,
    Info,
    Never,
}

/// A usage or input error: exit 2, with `--format json` also the JSON error document.
fn error(kind: &str, msg: impl std::fmt::Display, format: DiffFormat) -> ExitCode {
    super::fail_with(kind, &msg.to_string(), format == DiffFormat::Json)
}

fn list_rules(format: DiffFormat) -> ExitCode {
    if format == DiffFormat::Json {
        let list: Vec<_> = diff::rules::RULES
            .iter()
            .map(|r| {
                serde_json::json!({"code": r.code, "severity": r.severity, "gate": r.gate, "area": r.area,
                    "summary": r.summary, "explanation": r.explanation,
                    "microsoft": r.microsoft, "source": r.source})
            })
            .collect();
        let doc = serde_json::json!({"schema_version": 1, "rules": list});
        print_json(&doc);
    } else {
        let w = diff::rules::RULES
            .iter()
            .map(|r| r.code.len())
            .max()
            .unwrap_or(10);
        let mut s = String::new();
        for r in diff::rules::RULES {
            s.push_str(&format!(
                "{:<w$}  {:<8}  {:<10}  {}\n",
                r.code,
                r.severity.as_str(),
                r.area,
                r.summary
            ));
        }
        s.push_str(&format!("{} diff rules\n", diff::rules::RULES.len()));
        print(&s);
    }
    ExitCode::SUCCESS
}

/// Where to look for connkit-accepted.toml when --accept is not given: beside the new
/// connector (its folder, or the folder of its file), for local paths only.
fn default_accept(new_spec: &str) -> Option<PathBuf> {
    if source::parse_git_spec(new_spec).is_some() {
        return None;
    }
    let p = Path::new(new_spec);
    let dir = if p.is_dir() {
        p.to_path_buf()
    } else {
        p.parent()?.to_path_buf()
    };
    let f = dir.join(accept::FILE_NAME);
    f.is_file().then_some(f)
}

pub fn run(args: DiffArgs, color: bool) -> ExitCode {
    if args.list_rules {
        return list_rules(args.format);
    }
    let (old_spec, new_spec) = match (&args.base, &args.old, &args.new) {
        (Some(rev), Some(path), None) => (source::base_spec(rev, Path::new(path)), path.clone()),
        (Some(_), _, _) => {
            return error(
                "usage",
                "--base REV takes exactly one PATH: connkit diff --base origin/dev PATH",
                args.format,
            );
        }
        (None, Some(o), Some(n)) => (o.clone(), n.clone()),
        _ => {
            return error(
                "usage",
                "expected OLD and NEW: connkit diff OLD NEW (or --base REV PATH)",
                args.format,
            );
        }
    };
    // Both sides are read and parsed in parallel (a side may be a megabyte).
    let (old, new) = rayon::join(|| source::load(&old_spec), || source::load(&new_spec));
    let new = match new {
        Ok(Some(s)) => s,
        Ok(None) => {
            return error(
                "io",
                format!("{new_spec}: does not exist at that revision"),
                args.format,
            );
        }
        Err(e) => return error(e.kind, e, args.format),
    };
    let old = match old {
        Ok(Some(s)) => s,
        Ok(None) => {
            // A connector new in this change has no previous revision (Microsoft skips it too).
            print(&format!(
                "{}: no previous revision; nothing to compare\n",
                crate::safe::text(&old_spec)
            ));
            return ExitCode::SUCCESS;
        }
        Err(e) => return error(e.kind, e, args.format),
    };
    let mut report = diff::diff(&old, &new);
    let accept_file = args.accept.clone().or_else(|| default_accept(&new_spec));
    if let Some(f) = accept_file {
        let text = match crate::fsx::read_text(&f, crate::fsx::MAX_TEXT_BYTES) {
            Ok(t) => t,
            Err(e) => return error("io", e, args.format),
        };
        let entries = match accept::parse(&text) {
            Ok(e) => e,
            Err(e) => return error("config", format!("{}: {e}", f.display()), args.format),
        };
        for e in accept::apply(&mut report.changes, &entries) {
            safe_eprintln!(
                "note: {}: accepted entry {}{} matched no change",
                f.display(),
                e.code,
                e.operation.map(|o| format!(" ({o})")).unwrap_or_default()
            );
        }
    }
    let text_diff = args
        .text
        .then(|| crate::report::diff::text_diff(&old, &new));
    let out = match args.format {
        DiffFormat::Text => {
            let mut s = crate::report::diff::text(&report, color);
            if let Some(t) = &text_diff {
                s.push('\n');
                s.push_str(t);
            }
            s
        }
        DiffFormat::Json => crate::report::diff::json(&report, text_diff.as_deref()),
        DiffFormat::Markdown => crate::report::diff::markdown(&report, text_diff.as_deref()),
        DiffFormat::Github => crate::report::diff::github(&report),
        DiffFormat::Azure => crate::report::diff::azure(&report),
    };
    print(&out);
    let level = match args.fail_on {
        DiffFailOn::Breaking => Some(DiffSeverity::Breaking),
        DiffFailOn::Warning => Some(DiffSeverity::Warning),
        DiffFailOn::Info => Some(DiffSeverity::Info),
        DiffFailOn::Never => None,
    };
    match level {
        Some(l) if report.has_at_least(l) => ExitCode::from(EXIT_FINDINGS),
        _ => ExitCode::SUCCESS,
    }
}

/// `connkit explain CODE` for a diff rule.
pub fn explain(code: &str) -> Option<String> {
    let r = diff::rules::find(code)?;
    Some(format!(
        "{}  (diff rule)\n\n  severity: {}\n  gate:     {}\n  area:     {}\n\n{}\n\n{}\n{}\nSource: {} (docs/breaking-changes.md)\n",
        r.code,
        r.severity.as_str(),
        crate::report::diff::diff_gate_note(r),
        r.area,
        r.summary,
        r.explanation,
        r.microsoft
            .map(|m| format!("\nMicrosoft's message: \"{m}.\"\n"))
            .unwrap_or_default(),
        r.source
    ))
}
