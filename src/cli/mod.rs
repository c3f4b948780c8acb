//! The command line (clap only: parsing arguments, calling the library, choosing exit codes).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::model::Connector;
use crate::model::discover::{self, Target};
use crate::report::{self, ConnectorReport, LintReport};
use crate::rules::{self, LintOptions, Profile, Severity};

pub mod convert;

/// Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or I/O error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "connkit",
    version,
    about = "Lint, diff, package and submit Power Platform custom connectors, offline.",
    propagate_version = true
)]
pub struct Cli {
    /// When to use colours: auto (terminal and NO_COLOR unset), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check connectors against the certification rules.
    Lint(LintArgs),
    /// List every rule.
    Rules(RulesArgs),
    /// Explain one rule.
    Explain {
        /// Rule code, e.g. OperationIdNotUnique.
        code: String,
    },
    /// Convert an OpenAPI 3.0/3.1 (or Swagger 2.0) description into a connector.
    Convert(convert::ConvertArgs),
    /// Scaffold a new connector that passes lint for its profile.
    Init(convert::InitArgs),
    /// Rewrite connector JSON in the coding standards' layout.
    Fmt(convert::FmtArgs),
}

#[derive(clap::Args, Debug)]
pub struct LintArgs {
    /// Connector folders, definition files, or folders holding many connectors (default: .).
    pub paths: Vec<PathBuf>,
    /// Which certification rules apply; auto picks from the path (certified-connectors/…).
    #[arg(long, value_enum, default_value_t = ProfileArg::Auto)]
    pub profile: ProfileArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit with 1 when a finding at or above this level remains.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Apply safe, mechanical fixes first (see the fixable marker in `connkit rules`).
    #[arg(long)]
    pub fix: bool,
}

#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileArg {
    Auto,
    Custom,
    Certified,
    IndependentPublisher,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
        }
    }
}

impl ProfileArg {
    fn resolve(self, path: &std::path::Path) -> Profile {
        match self {
            ProfileArg::Auto => Profile::detect(path),
            ProfileArg::Custom => Profile::Custom,
            ProfileArg::Certified => Profile::Certified,
            ProfileArg::IndependentPublisher => Profile::IndependentPublisher,
        }
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Parse arguments and run. Never panics on input; clap's own usage errors exit with 2.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = use_color(cli.color);
    match cli.command {
        Command::Lint(args) => lint(args, color),
        Command::Rules(args) => list_rules(args),
        Command::Explain { code } => explain(&code),
        Command::Convert(args) => convert::run_convert(args, color),
        Command::Init(args) => convert::run_init(args, color),
        Command::Fmt(args) => convert::run_fmt(args),
    }
}

fn print(s: &str) -> bool {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`connkit lint | head`) is not an error worth a panic.
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .is_ok()
}

/// Lint one target (load, check, drop the files: only findings are kept).
pub fn lint_target(target: &Target, profile: Profile, options: &LintOptions) -> ConnectorReport {
    let display = target.path().to_string_lossy().into_owned();
    let connector = match target {
        Target::Folder(p) => Connector::load_dir(p, display.clone()),
        Target::File(p) => Connector::load_file(p, display.clone()),
    };
    let findings = rules::lint(&connector, profile, options);
    ConnectorReport {
        path: display,
        profile,
        findings,
    }
}

fn lint(args: LintArgs, color: bool) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut targets = Vec::new();
    let mut io_error = false;
    for p in &paths {
        let (t, errors) = discover::discover(p);
        for e in &errors {
            eprintln!("error: {}: {}", e.path.display(), e.message);
            io_error = true;
        }
        if t.is_empty() && errors.is_empty() {
            eprintln!(
                "error: {}: no connector found (no apiDefinition.swagger.json or apiProperties.json)",
                p.display()
            );
            io_error = true;
        }
        targets.extend(t);
    }
    if args.fix {
        convert::fix_targets(&targets, |t| args.profile.resolve(t.path()));
    }
    let options = LintOptions::default();
    let connectors: Vec<ConnectorReport> = targets
        .par_iter()
        .map(|t| lint_target(t, args.profile.resolve(t.path()), &options))
        .collect();
    let report = LintReport { connectors };
    let rendered = match args.format {
        Format::Json => report::json::render(&report),
        Format::Text => report::text::render(&report, color),
    };
    print(&rendered);
    if io_error {
        return ExitCode::from(EXIT_ERROR);
    }
    match args.fail_on.level() {
        Some(level) if report.has_at_least(level) => ExitCode::from(EXIT_FINDINGS),
        _ => ExitCode::SUCCESS,
    }
}

#[derive(serde::Serialize)]
struct RuleInfo {
    code: &'static str,
    severity: Severity,
    profiles: Vec<&'static str>,
    file: crate::model::FileKind,
    summary: &'static str,
    explanation: &'static str,
    source: &'static str,
    fixable: bool,
}

fn list_rules(args: RulesArgs) -> ExitCode {
    let all = rules::registry();
    match args.format {
        Format::Json => {
            let list: Vec<RuleInfo> = all
                .iter()
                .map(|r| RuleInfo {
                    code: r.code,
                    severity: r.severity,
                    profiles: r.profiles.names(),
                    file: r.file,
                    summary: r.summary,
                    explanation: r.explanation,
                    source: r.source,
                    fixable: crate::fix::find(r.code).is_some(),
                })
                .collect();
            let doc = serde_json::json!({"schema_version": 1, "tool": report::json::tool(), "rules": list});
            print(&(serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"));
        }
        Format::Text => {
            let w = all.iter().map(|r| r.code.len()).max().unwrap_or(10);
            let mut s = String::new();
            for r in all {
                s.push_str(&format!(
                    "{:<w$}  {:<7}  {:<40}  {}\n",
                    r.code,
                    r.severity.as_str(),
                    r.profiles.names().join(","),
                    r.summary
                ));
                if crate::fix::find(r.code).is_some() {
                    s.truncate(s.trim_end().len());
                    s.push_str(" [fixable]\n");
                }
            }
            s.push_str(&format!("{} rules\n", all.len()));
            print(&s);
        }
    }
    ExitCode::SUCCESS
}

fn explain(code: &str) -> ExitCode {
    match rules::find(code) {
        Some(r) => {
            print(&format!(
                "{}\n\n  severity: {}\n  profiles: {}\n  file:     {}\n\n{}\n\n{}\n\nSource: {}\n",
                r.code,
                r.severity.as_str(),
                r.profiles.names().join(", "),
                crate::model::FileKind::default_name(r.file),
                r.summary,
                r.explanation,
                r.source
            ));
            ExitCode::SUCCESS
        }
        None => {
            let lower = code.to_lowercase();
            let near: Vec<_> = rules::registry()
                .iter()
                .filter(|r| r.code.to_lowercase().contains(&lower))
                .map(|r| r.code)
                .take(5)
                .collect();
            eprintln!("error: unknown rule code '{code}'");
            if !near.is_empty() {
                eprintln!("  did you mean: {}", near.join(", "));
            }
            eprintln!("  list every rule with `connkit rules`");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
