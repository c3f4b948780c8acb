//! The command line (clap only: parsing arguments, calling the library, choosing exit codes).

pub(crate) mod convert;
pub(crate) mod diff;
mod errors;
pub(crate) mod lint;
pub(crate) mod lsp;
pub(crate) mod man;
pub(crate) mod package;
pub(crate) mod preview;
pub(crate) mod request;
pub(crate) mod submit;
pub(crate) mod test;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::Gate;
use crate::rules::Severity;
use crate::safe_eprintln;

pub(crate) use crate::report::out::{print, print_json};
pub(crate) use errors::fail;
pub(crate) use lint::LintArgs;

/// Exit codes (one table for every command, [`crate::app`]): 0 clean, 1 findings at or above
/// the fail level, 2 usage or I/O error.
pub(crate) use crate::app::{EXIT_ERROR, EXIT_FINDINGS};

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
    pub(crate) color: ColorChoice,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
pub(crate) struct RulesArgs {
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub(crate) format: TextOrJson,
    /// List only the rules of these gates (comma-separated): pipeline, review, platform, advice.
    #[arg(long, value_delimiter = ',', value_parser = parse_gate, value_name = "GATE")]
    pub(crate) gate: Vec<Gate>,
    /// List every code connkit prints, not only lint rules: diff rules and package checks
    /// too, each with its family.
    #[arg(long)]
    pub(crate) all: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub(crate) fn parse_gate(s: &str) -> Result<Gate, String> {
    Gate::parse(s)
        .ok_or_else(|| format!("unknown gate '{s}': use pipeline, review, platform or advice"))
}

pub(crate) use crate::report::Format;

pub(crate) use crate::report::TextOrJson;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FailOn {
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

/// A session's warning, note or progress line, on stderr (see [`crate::app::Say`]).
pub(crate) fn stderr_line(line: &str) {
    safe_eprintln!("{line}");
}

/// Parse arguments and run. Never panics on input; clap's own usage errors exit with 2.
pub fn main() -> ExitCode {
    if let Some(code) = version_only() {
        return code;
    }
    let cli = match lint::lint_only(std::env::args_os()).map_or_else(Cli::try_parse, Ok) {
        Ok(cli) => cli,
        Err(e) => return errors::usage_error(e, std::env::args_os()),
    };
    let color = crate::report::style::use_color(match cli.color {
        ColorChoice::Always => Some(true),
        ColorChoice::Never => Some(false),
        ColorChoice::Auto => None,
    });
    match cli.command {
        Command::Lint(args) => lint::run(args, color),
        Command::Rules(args) => list_rules(args),
        Command::Explain { code } => explain(&code),
        Command::Package(args) => package::package(args, color),
        Command::VerifyPackage(args) => package::verify_package(args, color),
        Command::Completions { shell } => man::completions(shell),
        Command::Man { dir } => man::man(dir.as_deref()),
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

/// `connkit rules`: the lint rules, or with `--all` every code of the catalog.
fn list_rules(args: RulesArgs) -> ExitCode {
    let shown = crate::app::catalog::rules(&args.gate, args.all);
    print(&crate::report::catalog::rules(
        args.format,
        args.all,
        &shown,
    ));
    ExitCode::SUCCESS
}

/// `connkit explain CODE`.
fn explain(code: &str) -> ExitCode {
    match crate::app::catalog::explain(code) {
        Ok(crate::app::catalog::Explained::Code(entry)) => {
            print(&crate::report::catalog::explain(&entry));
            ExitCode::SUCCESS
        }
        Ok(crate::app::catalog::Explained::Template(t)) => {
            print(&crate::report::request::template_text(t));
            ExitCode::SUCCESS
        }
        Err(near) => {
            for line in crate::report::catalog::unknown_code(code, &near) {
                safe_eprintln!("{line}");
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}
