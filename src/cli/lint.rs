//! `connkit lint`: arguments in, [`crate::app::lint`] does the work, [`crate::app::outputs`]
//! renders and writes the reports.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use super::{Cli, ColorChoice, Command, FailOn, Format, parse_gate, print};
use crate::app::lint::{self, LintRequest};
use crate::app::outputs;
use crate::config::ProfileSetting;
use crate::core::Gate;
use crate::report;
use crate::rules::Severity;

#[derive(clap::Args, Debug)]
pub(crate) struct LintArgs {
    /// Connector folders, definition files, or folders holding many connectors (default: .).
    pub(crate) paths: Vec<PathBuf>,
    /// Which certification rules apply; auto picks from the path (certified-connectors/…).
    /// [default: auto, or `profile` in connkit.toml]
    #[arg(long, value_enum)]
    pub(crate) profile: Option<ProfileArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Report only findings of these gates (comma-separated): pipeline (Microsoft's PR
    /// validator), review (certification reviewers), platform (import or run time), advice.
    /// `--gate pipeline` shows what the PR check will fail on.
    #[arg(long, value_delimiter = ',', value_parser = parse_gate, value_name = "GATE")]
    pub(crate) gate: Vec<Gate>,
    /// Exit with 1 when a finding at or above this level remains.
    /// [default: error, or `fail-on` in connkit.toml]
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// Configuration file for every connector (default: the nearest connkit.toml upward).
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Report only findings not in this baseline file (and count entries that no longer occur).
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Record the current findings as a baseline file (exits 0 unless I/O fails).
    #[arg(long, value_name = "FILE")]
    pub(crate) write_baseline: Option<PathBuf>,
    /// Lint only connectors with files changed since this git revision (e.g. origin/main).
    #[arg(long, value_name = "REV")]
    pub(crate) changed_since: Option<String>,
    /// Also write the JSON report to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) output_json: Option<PathBuf>,
    /// Also write a SARIF 2.1.0 report to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) output_sarif: Option<PathBuf>,
    /// Also write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) output_junit: Option<PathBuf>,
    /// Also write a Markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY).
    #[arg(long, value_name = "FILE")]
    pub(crate) output_markdown: Option<PathBuf>,
    /// Apply safe, mechanical fixes first (see the fixable marker in `connkit rules`).
    #[arg(long)]
    pub(crate) fix: bool,
    /// Treat PATHS as files (as pre-commit passes them): lint each connector folder holding
    /// one of them, once. A connkit.toml stands for every connector below its folder; files
    /// outside any connector are ignored.
    #[arg(long)]
    pub(crate) from_files: bool,
    /// Report only findings at or above this level in every format (`warning` hides infos).
    /// Hidden findings do not fail the run.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub(crate) min_level: Option<LevelArg>,
    /// SARIF: keep at most N results (GitHub keeps 5,000 and rejects uploads over 25,000);
    /// errors first, the run's properties and notifications say what was left out.
    #[arg(long, value_name = "N", default_value_t = report::run::SARIF_MAX_RESULTS)]
    pub(crate) sarif_max_results: usize,
    /// SARIF: the category GitHub code scanning files the results under (the run's
    /// `automationDetails.id`; default connkit/lint). Give each connkit job its own when
    /// several upload SARIF, so one does not replace the other's alerts.
    #[arg(long, value_name = "CATEGORY")]
    pub(crate) sarif_category: Option<String>,
    /// Markdown: at most N bytes (default just under GitHub's 1 MiB job summary limit; use
    /// 65000 for a pull-request comment); truncation says how much was left out.
    #[arg(long, value_name = "N", default_value_t = report::run::MARKDOWN_MAX_BYTES)]
    pub(crate) markdown_max_bytes: usize,
    /// Print findings only: no progress, no summary line when clean, no informational
    /// messages on stderr (warnings and errors still go to stderr).
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,
    /// Also print how many findings each rule produced (text: after the findings; other
    /// formats: on stderr, so machine output stays unchanged).
    #[arg(long)]
    pub(crate) statistics: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LevelArg {
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

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProfileArg {
    Auto,
    Custom,
    Certified,
    IndependentPublisher,
}

fn profile_setting(p: ProfileArg) -> ProfileSetting {
    match p {
        ProfileArg::Auto => ProfileSetting::Auto,
        ProfileArg::Custom => ProfileSetting::Custom,
        ProfileArg::Certified => ProfileSetting::Certified,
        ProfileArg::IndependentPublisher => ProfileSetting::IndependentPublisher,
    }
}

/// The session's request from the command line.
fn request(args: &LintArgs) -> LintRequest {
    LintRequest {
        paths: args.paths.clone(),
        from_files: args.from_files,
        profile: args.profile.map(profile_setting),
        gates: args.gate.clone(),
        fail_on: args.fail_on.map(|f| f.level()),
        config: args.config.clone(),
        baseline: args.baseline.clone(),
        write_baseline: args.write_baseline.clone(),
        changed_since: args.changed_since.clone(),
        fix: args.fix,
        min_level: args.min_level.map(|l| l.level()),
        quiet: args.quiet,
        text_output: args.format == Format::Text,
        limits: crate::report::run::Limits {
            sarif_max_results: args.sarif_max_results,
            markdown_max_bytes: args.markdown_max_bytes,
        },
        sarif_category: args.sarif_category.clone(),
    }
}

/// `connkit lint`.
pub(crate) fn run(args: LintArgs, color: bool) -> ExitCode {
    let mut outcome = match lint::run_lint(&request(&args), &super::stderr_line) {
        Ok(o) => o,
        // With --format json, an error that stops the run is one JSON error document.
        Err(e) => {
            let json = args.format == Format::Json;
            return super::errors::fail_lines(e.kind, &e.to_string(), &e.messages, json);
        }
    };
    print(&outputs::main_output(
        args.format,
        &outcome,
        color,
        args.quiet,
        args.statistics,
    ));
    let files: Vec<(PathBuf, Format)> = [
        (&args.output_json, Format::Json),
        (&args.output_sarif, Format::Sarif),
        (&args.output_junit, Format::Junit),
        (&args.output_markdown, Format::Markdown),
    ]
    .into_iter()
    .filter_map(|(p, f)| p.clone().map(|p| (p, f)))
    .collect();
    if !outputs::write_files(&outcome, &files, &super::stderr_line) {
        outcome.io_error = true;
    }
    ExitCode::from(outcome.exit_status())
}

/// `connkit lint …`, parsed with a command tree that has only `lint` in it: building every
/// other subcommand's arguments and help first was a tenth of a small connector's lint. The
/// `lint` arguments are the same type ([`LintArgs`]) and `--color` is declared as on
/// [`Cli`]; any error, `--help` or `--version` gives `None`, and the full tree then parses
/// the same arguments again, so messages and help are clap's own for the whole command.
pub(super) fn lint_only<I, T>(args: I) -> Option<Cli>
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
