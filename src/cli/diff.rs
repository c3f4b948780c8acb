//! `connkit diff OLD NEW` / `connkit diff --base REV PATH`: arguments in, [`crate::app::diff`]
//! does the work, [`crate::report::diff`] renders it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::print;
use crate::app::diff::{DiffOutcome, DiffRequest, run_diff};
use crate::diff::DiffSeverity;
pub(crate) use crate::report::diff::DiffFormat;

#[derive(clap::Args, Debug)]
pub(crate) struct DiffArgs {
    /// Old revision: a definition file, a connector folder, or a git spec REV:PATH.
    #[arg(required_unless_present_any = ["list_rules", "base"])]
    pub(crate) old: Option<String>,
    /// New revision (same forms as OLD). With --base: the path to compare.
    pub(crate) new: Option<String>,
    /// Compare PATH (working tree) against the same path at REV: `--base origin/dev PATH`.
    #[arg(long, value_name = "REV")]
    pub(crate) base: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub(crate) format: DiffFormat,
    /// Exit with 1 when a change at or above this level remains (not accepted).
    #[arg(long, value_enum, default_value_t = DiffFailOn::Breaking)]
    pub(crate) fail_on: DiffFailOn,
    /// Accepted-changes file (default: connkit-accepted.toml beside the new connector).
    #[arg(long, value_name = "FILE")]
    pub(crate) accept: Option<PathBuf>,
    /// Also print a unified text diff of the normalized documents.
    #[arg(long)]
    pub(crate) text: bool,
    /// List every diff rule and exit.
    #[arg(long)]
    pub(crate) list_rules: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DiffFailOn {
    Breaking,
    Warning,
    Info,
    Never,
}

impl DiffFailOn {
    fn level(self) -> Option<DiffSeverity> {
        match self {
            DiffFailOn::Breaking => Some(DiffSeverity::Breaking),
            DiffFailOn::Warning => Some(DiffSeverity::Warning),
            DiffFailOn::Info => Some(DiffSeverity::Info),
            DiffFailOn::Never => None,
        }
    }
}

pub(crate) fn run(args: DiffArgs, color: bool) -> ExitCode {
    if args.list_rules {
        let entries = crate::app::catalog::diff_rules();
        let json = args.format == DiffFormat::Json;
        print(&crate::report::catalog::diff_rules(json, &entries));
        return ExitCode::SUCCESS;
    }
    let req = DiffRequest {
        old: args.old,
        new: args.new,
        base: args.base,
        accept: args.accept,
        text_diff: args.text,
    };
    let outcome = match run_diff(&req, &super::stderr_line) {
        Ok(o) => o,
        Err(e) => return super::fail(&e, args.format == DiffFormat::Json),
    };
    match &outcome {
        DiffOutcome::NoPrevious { old } => print(&crate::report::diff::no_previous(old)),
        DiffOutcome::Compared { report, text_diff } => print(&crate::report::diff::render(
            args.format,
            report,
            text_diff.as_deref(),
            color,
        )),
    };
    ExitCode::from(outcome.exit_status(args.fail_on.level()))
}
