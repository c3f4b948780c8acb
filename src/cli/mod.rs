//! The command line (clap only: parsing arguments, calling the library, choosing exit codes).

pub mod diff;
pub mod lint_ci;
pub mod lsp;
pub mod package;
pub mod preview;
pub mod request;
pub mod submit;
pub mod test;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::Gate;
use crate::report;
use crate::rules::{self, Severity};
use crate::safe_eprintln;

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
    /// Build the certification package (or the flat file zip) from a connector folder.
    Package(package::PackageArgs),
    /// Check a certification package: layout (PKG-01..08), hostile zips, embedded connector.
    VerifyPackage(package::VerifyPackageArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write every command's page into a folder.
    Man {
        /// Write connkit.1 and one page per subcommand (connkit-lint.1, …) into DIR.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Upload a package to a blob through a SAS URL (CONNKIT_SAS_URL or --sas-url -).
    Upload(submit::UploadArgs),
    /// Submit a package through the Partner Center Ingestion API (see README "Submitting").
    Submit(submit::SubmitArgs),
    /// Compare two revisions of a connector for breaking changes.
    Diff(diff::DiffArgs),
    /// Convert an OpenAPI 3.0/3.1 (or Swagger 2.0) description into a connector.
    Convert(convert::ConvertArgs),
    /// Scaffold a new connector that passes lint for its profile.
    Init(convert::InitArgs),
    /// Rewrite connector JSON in the coding standards' layout.
    Fmt(convert::FmtArgs),
    /// Run the language server (LSP over stdio) for editors: findings as you type.
    Lsp,
    /// Show the request an operation sends after the platform's policy templates (offline).
    Request(request::RequestArgs),
    /// Call the connector's operations on its API and check each response against the
    /// definition (or check a recording with --replay). See docs/test.md.
    Test(test::TestArgs),
    /// Write one HTML page showing the connector as the Power Automate designer would.
    Preview(preview::PreviewArgs),
}

#[derive(clap::Args, Debug)]
pub struct LintArgs {
    /// Connector folders, definition files, or folders holding many connectors (default: .).
    pub paths: Vec<PathBuf>,
    /// Which certification rules apply; auto picks from the path (certified-connectors/…).
    /// [default: auto, or `profile` in connkit.toml]
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Report only findings of these gates (comma-separated): pipeline (Microsoft's PR
    /// validator), review (certification reviewers), platform (import or run time), advice.
    /// `--gate pipeline` shows what the PR check will fail on.
    #[arg(long, value_delimiter = ',', value_parser = parse_gate, value_name = "GATE")]
    pub gate: Vec<Gate>,
    /// Exit with 1 when a finding at or above this level remains.
    /// [default: error, or `fail-on` in connkit.toml]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Configuration file for every connector (default: the nearest connkit.toml upward).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Report only findings not in this baseline file (and count entries that no longer occur).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings as a baseline file (exits 0 unless I/O fails).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Lint only connectors with files changed since this git revision (e.g. origin/main).
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Also write the JSON report to FILE.
    #[arg(long, value_name = "FILE")]
    pub output_json: Option<PathBuf>,
    /// Also write a SARIF 2.1.0 report to FILE.
    #[arg(long, value_name = "FILE")]
    pub output_sarif: Option<PathBuf>,
    /// Also write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub output_junit: Option<PathBuf>,
    /// Also write a Markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY).
    #[arg(long, value_name = "FILE")]
    pub output_markdown: Option<PathBuf>,
    /// Apply safe, mechanical fixes first (see the fixable marker in `connkit rules`).
    #[arg(long)]
    pub fix: bool,
    /// Treat PATHS as files (as pre-commit passes them): lint each connector folder holding
    /// one of them, once. A connkit.toml stands for every connector below its folder; files
    /// outside any connector are ignored.
    #[arg(long)]
    pub from_files: bool,
    /// Report only findings at or above this level in every format (`warning` hides infos).
    /// Hidden findings do not fail the run.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub min_level: Option<LevelArg>,
    /// SARIF: keep at most N results (GitHub keeps 5,000 and rejects uploads over 25,000);
    /// errors first, the run's properties and notifications say what was left out.
    #[arg(long, value_name = "N", default_value_t = report::run::SARIF_MAX_RESULTS)]
    pub sarif_max_results: usize,
    /// SARIF: the category GitHub code scanning files the results under (the run's
    /// `automationDetails.id`; default connkit/lint). Give each connkit job its own when
    /// several upload SARIF, so one does not replace the other's alerts.
    #[arg(long, value_name = "CATEGORY")]
    pub sarif_category: Option<String>,
    /// Markdown: at most N bytes (default just under GitHub's 1 MiB job summary limit; use
    /// 65000 for a pull-request comment); truncation says how much was left out.
    #[arg(long, value_name = "N", default_value_t = report::run::MARKDOWN_MAX_BYTES)]
    pub markdown_max_bytes: usize,
    /// Print findings only: no progress, no summary line when clean, no informational
    /// messages on stderr (warnings and errors still go to stderr).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also print how many findings each rule produced (text: after the findings; other
    /// formats: on stderr, so machine output stays unchanged).
    #[arg(long)]
    pub statistics: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelArg {
    Error,
    Warning,
    Info,
}

impl LevelArg {
    pub(crate) fn level(self) -> Severity {
        match self {
            LevelArg::Error => Severity::Error,
            LevelArg::Warning => Severity::Warning,
            LevelArg::Info => Severity::Info,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// List only the rules of these gates (comma-separated): pipeline, review, platform, advice.
    #[arg(long, value_delimiter = ',', value_parser = parse_gate, value_name = "GATE")]
    pub gate: Vec<Gate>,
    /// List every code connkit prints, not only lint rules: diff rules and package checks
    /// too, each with its family.
    #[arg(long)]
    pub all: bool,
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

fn parse_gate(s: &str) -> Result<Gate, String> {
    Gate::parse(s)
        .ok_or_else(|| format!("unknown gate '{s}': use pipeline, review, platform or advice"))
}

pub use crate::report::Format;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
/// Output formats of the commands that print either a report or a JSON document.
pub enum TextOrJson {
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
    pub(crate) fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
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
    if let Some(code) = version_only() {
        return code;
    }
    let cli = match lint_only(std::env::args_os()).map_or_else(Cli::try_parse, Ok) {
        Ok(cli) => cli,
        Err(e) => return usage_error(e, std::env::args_os()),
    };
    let color = use_color(cli.color);
    match cli.command {
        Command::Lint(args) => lint(args, color),
        Command::Rules(args) => list_rules(args),
        Command::Explain { code } => explain(&code),
        Command::Package(args) => package::package(args, color),
        Command::VerifyPackage(args) => package::verify_package(args, color),
        Command::Completions { shell } => lint_ci::completions(shell),
        Command::Man { dir } => lint_ci::man(dir.as_deref()),
        Command::Upload(args) => submit::upload(args),
        Command::Submit(args) => submit::submit(args),
        Command::Diff(args) => diff::run(args, color),
        Command::Convert(args) => convert::run_convert(args, color),
        Command::Init(args) => convert::run_init(args, color),
        Command::Fmt(args) => convert::run_fmt(args),
        Command::Lsp => lsp::run(),
        Command::Request(args) => request::run(args),
        Command::Test(args) => test::run_test(args, color),
        Command::Preview(args) => preview::run(args),
    }
}

/// `connkit --version` (or `-V`) and nothing else: answered without building clap's command
/// tree (every subcommand, argument and help text), which is most of what the process did
/// for it. Same output and exit code as clap's; anything else goes through clap.
fn version_only() -> Option<ExitCode> {
    let mut args = std::env::args_os().skip(1);
    let first = args.next()?;
    if args.next().is_some() || (first != "--version" && first != "-V") {
        return None;
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "connkit {}", env!("CARGO_PKG_VERSION")).and_then(|_| out.flush());
    Some(ExitCode::SUCCESS)
}

/// `connkit lint …`, parsed with a command tree that has only `lint` in it: building every
/// other subcommand's arguments and help first was a tenth of a small connector's lint. The
/// `lint` arguments are the same type ([`LintArgs`]) and `--color` is declared as on
/// [`Cli`]; any error, `--help` or `--version` gives `None`, and the full tree then parses
/// the same arguments again, so messages and help are clap's own for the whole command.
fn lint_only<I, T>(args: I) -> Option<Cli>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    #[derive(Parser)]
    #[command(name = "connkit")]
    struct LintOnly {
        #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        #[command(subcommand)]
        command: LintCommand,
    }
    #[derive(Subcommand)]
    enum LintCommand {
        Lint(LintArgs),
    }
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    if args.get(1).is_none_or(|a| a != "lint") {
        return None;
    }
    let parsed = LintOnly::try_parse_from(args).ok()?;
    let LintCommand::Lint(lint) = parsed.command;
    Some(Cli {
        color: parsed.color,
        command: Command::Lint(lint),
    })
}

#[cfg(test)]
mod lint_only_tests {
    use super::*;

    #[test]
    fn json_output_is_read_from_the_raw_arguments() {
        for yes in [
            &["connkit", "lint", "--format", "json"][..],
            &["connkit", "lint", "--bogus", "--format=json"],
            &["connkit", "verify-package", "--format", "json", "x.zip"],
        ] {
            assert!(wants_json(yes.iter()), "{yes:?}");
        }
        for no in [
            &["connkit", "lint", "--format", "text"][..],
            &["connkit", "lint", "--format"],
            &["connkit", "lint", "json"],
            &["connkit", "lint", "--", "--format", "json"],
        ] {
            assert!(!wants_json(no.iter()), "{no:?}");
        }
    }

    #[test]
    fn the_lint_only_tree_parses_as_the_full_one() {
        let cases: &[&[&str]] = &[
            &["connkit", "lint"],
            &["connkit", "lint", "a", "b/c"],
            &["connkit", "lint", "--color", "never", "x"],
            &[
                "connkit",
                "lint",
                "--format",
                "json",
                "--gate",
                "pipeline,review",
                "--fail-on",
                "warning",
                "--profile",
                "certified",
                "-q",
                "x",
            ],
            &[
                "connkit",
                "lint",
                "--output-sarif",
                "o.sarif",
                "--baseline",
                "b.json",
                ".",
            ],
        ];
        for args in cases {
            let pruned = lint_only(args.iter()).expect("parses");
            let full = Cli::try_parse_from(args.iter()).unwrap();
            assert_eq!(format!("{pruned:?}"), format!("{full:?}"), "{args:?}");
        }
        // Errors, help and version are left to the full tree (its messages, its exit codes).
        for args in [
            &["connkit", "lint", "--help"][..],
            &["connkit", "lint", "--version"],
            &["connkit", "lint", "--format", "nope"],
            &["connkit", "lint", "--no-such-flag"],
            &["connkit", "rules"],
            &["connkit", "--color", "never", "lint"],
        ] {
            assert!(lint_only(args.iter()).is_none(), "{args:?}");
        }
    }
}

/// Everything connkit writes to stdout goes through here: secrets redacted
/// ([`crate::safe::redact`]), then stray control characters escaped
/// ([`crate::safe::terminal`]; renderers already escaped each untrusted field).
pub(crate) fn print(s: &str) -> bool {
    let redacted = crate::safe::redact(s);
    let s = crate::safe::terminal(&redacted);
    let mut out = std::io::stdout().lock();
    // A closed pipe (`connkit lint | head`) is not an error worth a panic.
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .is_ok()
}

/// One JSON document on stdout, made safe for a log ([`crate::safe::json`]) and redacted.
pub(crate) fn print_json(doc: &serde_json::Value) -> bool {
    let text = serde_json::to_string_pretty(doc).unwrap_or_default() + "\n";
    print(&crate::safe::json(text))
}

/// What went wrong, for the JSON error document: `usage` (arguments), `io` (a file could not
/// be read or written), `config` (connkit.toml), `baseline`, `parse` (an input that is not
/// JSON/YAML), `refused` (a package refused as unsafe or corrupt), `service` (a network or
/// server failure), `rejected` (the service rejected the package or submission).
pub(crate) fn error_object(kind: &str, message: &str) -> serde_json::Value {
    serde_json::json!({"kind": kind, "message": message})
}

/// `{"schema_version": 1, "tool": …, "status": "error", "error": {"kind", "message"}}`.
pub(crate) fn error_document(kind: &str, message: &str) -> serde_json::Value {
    serde_json::json!({
        "schema_version": 1,
        "tool": report::json::tool(),
        "status": "error",
        "error": error_object(kind, message),
    })
}

/// A usage or I/O error: `error: …` on stderr, with `json` also the error document on
/// stdout; exit 2.
pub(crate) fn fail_with(kind: &str, message: &str, json: bool) -> ExitCode {
    if json {
        print_json(&error_document(kind, message));
    }
    safe_eprintln!("error: {message}");
    ExitCode::from(EXIT_ERROR)
}

/// Whether the command line asks for JSON output (`--format json` or `--format=json`), read
/// from the raw arguments: it must be known when the arguments do not parse.
fn wants_json<I, T>(args: I) -> bool
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString>,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    args.iter()
        .take_while(|a| *a != "--")
        .enumerate()
        .any(|(i, a)| {
            a == "--format=json"
                || (a == "--format" && args.get(i + 1).is_some_and(|v| v == "json"))
        })
}

/// A command line clap refused: its message and exit status (2), as clap prints them; with
/// `--format json`, also one JSON error document (`kind` "usage") on stdout, so a program
/// reading stdout sees why there is no report. `--help` and `--version` are not errors.
fn usage_error<I, T>(e: clap::Error, args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString>,
{
    if !e.use_stderr() {
        e.exit();
    }
    if wants_json(args) {
        // clap's message is its first paragraph (the usage line and the hint follow a
        // blank line); its own lines, such as the missing arguments, joined with spaces.
        let rendered = e.render().to_string();
        let message: Vec<&str> = rendered
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        let message = message.join(" ");
        let message = message.strip_prefix("error: ").unwrap_or(&message);
        print_json(&error_document("usage", message));
    }
    let _ = e.print();
    ExitCode::from(EXIT_ERROR)
}

fn lint(args: LintArgs, color: bool) -> ExitCode {
    lint_ci::run(args, color)
}

#[derive(serde::Serialize)]
struct RuleInfo {
    code: &'static str,
    severity: Severity,
    gate: Gate,
    evidence: String,
    microsoft_message: Option<&'static str>,
    profiles: Vec<&'static str>,
    file: crate::model::FileKind,
    summary: &'static str,
    explanation: crate::core::Doc,
    source: &'static str,
    fixable: bool,
    family: crate::catalog::Family,
}

/// `rules --all`: every family of the catalog, with a `family` column/field.
fn list_catalog(args: &RulesArgs) -> ExitCode {
    let shown: Vec<_> = crate::catalog::all()
        .filter(|e| args.gate.is_empty() || e.gate.is_some_and(|g| args.gate.contains(&g)))
        .collect();
    match args.format {
        TextOrJson::Json => {
            let doc = serde_json::json!({"schema_version": 1, "tool": report::json::tool(), "rules": shown});
            print_json(&doc);
        }
        TextOrJson::Text => {
            let mut s = String::new();
            for e in &shown {
                let gate = e.gate.map(|g| format!(", gate {}", g.as_str()));
                s.push_str(&listing_entry(
                    e.code,
                    &format!(
                        "{} {}{}: {}",
                        e.family.as_str(),
                        e.severity,
                        gate.unwrap_or_default(),
                        e.summary
                    ),
                    e.fix.is_some(),
                ));
            }
            s.push_str(&format!("{} codes\n", shown.len()));
            print(&s);
        }
    }
    ExitCode::SUCCESS
}

/// The width `connkit rules` fits in.
const LISTING_WIDTH: usize = 100;

/// One entry of `connkit rules`: the code (and `[fixable]`) on its own line, so any code
/// fits, then what it is, wrapped and indented, within [`LISTING_WIDTH`] columns.
fn listing_entry(code: &str, what: &str, fixable: bool) -> String {
    let mut s = String::from(code);
    if fixable {
        s.push_str("  [fixable]");
    }
    s.push('\n');
    s.push_str(&report::text::wrap(what, "    ", LISTING_WIDTH));
    s
}

fn list_rules(args: RulesArgs) -> ExitCode {
    if args.all {
        return list_catalog(&args);
    }
    let all = rules::registry();
    match args.format {
        TextOrJson::Json => {
            let list: Vec<RuleInfo> = all
                .iter()
                .filter(|r| args.gate.is_empty() || args.gate.contains(&r.gate))
                .map(|r| RuleInfo {
                    code: r.code,
                    severity: r.severity,
                    gate: r.gate,
                    evidence: r.evidence(),
                    microsoft_message: r.microsoft,
                    profiles: r.profiles.names(),
                    file: r.file,
                    summary: r.summary,
                    explanation: r.explanation,
                    source: r.source,
                    fixable: crate::fix::find(r.code).is_some(),
                    family: crate::catalog::Family::Lint,
                })
                .collect();
            let doc = serde_json::json!({"schema_version": 1, "tool": report::json::tool(), "rules": list});
            print_json(&doc);
        }
        TextOrJson::Text => {
            let mut s = String::new();
            let shown: Vec<_> = all
                .iter()
                .filter(|r| args.gate.is_empty() || args.gate.contains(&r.gate))
                .collect();
            for r in &shown {
                let names = r.profiles.names();
                let profiles = if names.len() == 3 {
                    "all profiles".to_string()
                } else {
                    names.join(", ")
                };
                s.push_str(&listing_entry(
                    r.code,
                    &format!(
                        "{}, gate {}, {profiles}: {}",
                        r.severity.as_str(),
                        r.gate.as_str(),
                        r.summary
                    ),
                    crate::fix::find(r.code).is_some(),
                ));
            }
            s.push_str(&format!(
                "{} rules; `connkit explain CODE` explains one\n",
                shown.len()
            ));
            print(&s);
        }
    }
    ExitCode::SUCCESS
}

fn explain(code: &str) -> ExitCode {
    match rules::find(code) {
        Some(r) => {
            // The declaration's own sections (Why, Example, Evidence), then what its fields add.
            let mut body = r.explanation.text();
            if r.explanation.section("Evidence").is_none() {
                body.push_str(&format!("\n\n### Evidence\n{}", r.evidence()));
            }
            if let Some(m) = r.microsoft {
                body.push_str(&format!("\n\n### Microsoft's message\n\"{m}\""));
            }
            if let Some(f) = crate::fix::find(r.code) {
                body.push_str(&format!("\n\n### Fix\n`lint --fix`: {}", f.summary));
            }
            print(&format!(
                "{}\n\n  severity: {}\n  gate:     {} ({})\n  profiles: {}\n  file:     {}\n\n{}\n\n{body}\n\nSource: {}\n",
                r.code,
                r.severity.as_str(),
                r.gate.as_str(),
                r.gate.describe(),
                r.profiles.names().join(", "),
                crate::model::FileKind::default_name(r.file),
                r.summary,
                r.source
            ));
            ExitCode::SUCCESS
        }
        None if diff::explain(code).is_some() => {
            print(&diff::explain(code).unwrap_or_default());
            ExitCode::SUCCESS
        }
        None if crate::catalog::find(code).is_some() => {
            let Some(e) = crate::catalog::find(code) else {
                return ExitCode::from(EXIT_ERROR);
            };
            let explanation = if e.explanation.is_empty() {
                String::new()
            } else {
                format!("{}\n\n", e.explanation)
            };
            print(&format!(
                "{}  ({})\n\n  severity: {}\n\n{}\n\n{explanation}Source: {}\n",
                e.code,
                e.family.noun(),
                e.severity,
                e.summary,
                e.source
            ));
            ExitCode::SUCCESS
        }
        None if crate::policies::catalog::find(code).is_some() => {
            if let Some(t) = crate::policies::catalog::find(code) {
                print(&report::request::template_text(t));
            }
            ExitCode::SUCCESS
        }
        None => {
            let lower = code.to_lowercase();
            let near: Vec<_> = crate::catalog::all()
                .filter(|e| e.code.to_lowercase().contains(&lower))
                .map(|e| e.code)
                .take(5)
                .collect();
            safe_eprintln!("error: unknown rule code '{code}'");
            if !near.is_empty() {
                safe_eprintln!("  did you mean: {}", near.join(", "));
            }
            safe_eprintln!("  list every code with `connkit rules --all`");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
