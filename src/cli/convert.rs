//! `connkit convert`, `connkit init` and `connkit fmt`: arguments in, the sessions of
//! [`crate::app::convert`] and [`crate::app::fmt`] do the work.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::{Format, print};
use crate::app::convert::{ConvertRequest, InitRequest, WrittenOutcome};
use crate::app::fmt::{FmtEvent, FmtRequest};
use crate::app::outputs;
use crate::convert::init::Auth;
use crate::rules::Profile;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetProfile {
    Custom,
    Certified,
    IndependentPublisher,
}

impl TargetProfile {
    pub(crate) fn profile(self) -> Profile {
        match self {
            TargetProfile::Custom => Profile::Custom,
            TargetProfile::Certified => Profile::Certified,
            TargetProfile::IndependentPublisher => Profile::IndependentPublisher,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AuthArg {
    None,
    Apikey,
    Basic,
    Oauth2,
    Aad,
}

#[derive(clap::Args, Debug)]
pub(crate) struct ConvertArgs {
    /// OpenAPI 3.0/3.1 (or Swagger 2.0) description, JSON or YAML.
    pub(crate) spec: PathBuf,
    /// Folder to write apiDefinition.swagger.json and apiProperties.json into.
    #[arg(short = 'o', long = "output")]
    pub(crate) output: PathBuf,
    /// Which connector the result is for (decides apiProperties fields and the lint profile).
    /// [default: what the output folder implies, as `lint --profile auto` decides:
    /// certified under certified-connectors/, …, else custom]
    #[arg(long, value_enum)]
    pub(crate) profile: Option<TargetProfile>,
    /// Connector title (at most 30 characters).
    #[arg(long)]
    pub(crate) title: Option<String>,
    /// Host name to use instead of the first server's.
    #[arg(long)]
    pub(crate) host: Option<String>,
    /// Overwrite files in an existing, non-empty output folder.
    #[arg(long)]
    pub(crate) force: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(clap::Args, Debug)]
pub(crate) struct InitArgs {
    /// Folder to create (its name becomes the title unless --title is given).
    pub(crate) dir: PathBuf,
    /// Which connector to scaffold. [default: what the folder implies, as `lint --profile
    /// auto` decides: certified under certified-connectors/, …, else custom]
    #[arg(long, value_enum)]
    pub(crate) profile: Option<TargetProfile>,
    #[arg(long, value_enum, default_value_t = AuthArg::None)]
    pub(crate) auth: AuthArg,
    #[arg(long)]
    pub(crate) title: Option<String>,
    /// Write into an existing, non-empty folder.
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(clap::Args, Debug)]
pub(crate) struct FmtArgs {
    /// Connector folders or JSON files (default: .).
    pub(crate) paths: Vec<PathBuf>,
    /// Change nothing; exit 1 when a file would change.
    #[arg(long)]
    pub(crate) check: bool,
    /// Indent with N spaces (0: a tab) instead of each file's own indentation.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=8))]
    pub(crate) indent: Option<u8>,
}

fn auth(a: AuthArg) -> Auth {
    match a {
        AuthArg::None => Auth::None,
        AuthArg::Apikey => Auth::ApiKey,
        AuthArg::Basic => Auth::Basic,
        AuthArg::Oauth2 => Auth::OAuth2,
        AuthArg::Aad => Auth::Aad,
    }
}

/// Print what the session says on stderr, then the written connector's lint (converter notes
/// first) in `format`.
fn print_written(o: &WrittenOutcome, format: Format, color: bool) {
    for line in &o.stderr {
        crate::safe_eprintln!("{line}");
    }
    print(&outputs::render(format, &o.report, &o.run, color));
}

pub(crate) fn run_convert(args: ConvertArgs, color: bool) -> ExitCode {
    let req = ConvertRequest {
        spec: args.spec,
        output: args.output,
        profile: args.profile.map(TargetProfile::profile),
        title: args.title,
        host: args.host,
        force: args.force,
    };
    match crate::app::convert::run_convert(&req) {
        Ok(o) => {
            print_written(&o, args.format, color);
            ExitCode::from(o.exit_status())
        }
        Err(e) => super::fail(&e, false),
    }
}

pub(crate) fn run_init(args: InitArgs, color: bool) -> ExitCode {
    let req = InitRequest {
        dir: args.dir,
        profile: args.profile.map(TargetProfile::profile),
        auth: auth(args.auth),
        title: args.title,
        force: args.force,
    };
    match crate::app::convert::run_init(&req) {
        // The scaffold is written: its lint lists what the author still has to replace
        // (PlaceholderValue for certification profiles) and does not fail the command.
        Ok(o) => {
            print_written(&o, Format::Text, color);
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e, false),
    }
}

pub(crate) fn run_fmt(args: FmtArgs) -> ExitCode {
    let req = FmtRequest {
        paths: args.paths,
        check: args.check,
        indent: args.indent,
    };
    let outcome = crate::app::fmt::run_fmt(&req, &mut |e| match e {
        FmtEvent::WouldReformat(f) => {
            print(&crate::report::text::file_line("would reformat", f));
        }
        FmtEvent::Reformatted(f) => {
            print(&crate::report::text::file_line("reformatted", f));
        }
        FmtEvent::Error(m) => crate::safe_eprintln!("{m}"),
    });
    ExitCode::from(outcome.exit_status(req.check))
}
