//! `connkit package` and `connkit verify-package`: arguments in, the sessions of
//! [`crate::app::package`] do the work, [`crate::report::package`] renders it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::{FailOn, TextOrJson, print, print_json};
use crate::app::package::{PackageEnd, PackageRequest, VerifyPackageError, VerifyRequest};
use crate::package::verify::PackageKind;
use crate::report;
use crate::safe_eprintln;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Outer zip with intro.md and the package zip (PkgAssets/ + solution zips).
    Certification,
    /// Flat zip of apiDefinition.swagger.json, apiProperties.json, icon.png, script.csx.
    Files,
}

impl Kind {
    fn package_kind(self) -> PackageKind {
        match self {
            Kind::Certification => PackageKind::Certification,
            Kind::Files => PackageKind::Files,
        }
    }
}

#[derive(clap::Args, Debug)]
pub(crate) struct PackageArgs {
    /// The connector folder (apiDefinition.swagger.json, apiProperties.json, icon, script).
    pub(crate) dir: PathBuf,
    /// Where to write the zip (written atomically).
    #[arg(short, long)]
    pub(crate) output: PathBuf,
    #[arg(long, value_enum, default_value_t = Kind::Certification)]
    pub(crate) kind: Kind,
    /// intro.md for the outer zip (default: intro.md in the connector folder).
    #[arg(long)]
    pub(crate) intro: Option<PathBuf>,
    /// The flow solution exported from Dataverse (required for --kind certification).
    #[arg(long)]
    pub(crate) flow_solution: Option<PathBuf>,
    /// The AI plugin solution exported from Dataverse.
    #[arg(long)]
    pub(crate) plugin_solution: Option<PathBuf>,
    /// Use this exported connector solution instead of generating one from the files.
    #[arg(long)]
    pub(crate) connector_solution: Option<PathBuf>,
    /// Publisher customization prefix for the generated solution (default: from publisher).
    #[arg(long)]
    pub(crate) prefix: Option<String>,
    /// Package even when the certified lint or the package check reports errors.
    #[arg(long)]
    pub(crate) allow_errors: bool,
}

#[derive(clap::Args, Debug)]
pub(crate) struct VerifyPackageArgs {
    /// The certification package (.zip).
    pub(crate) file: PathBuf,
    /// The package carries an AI plugin solution (3 solutions instead of 2).
    #[arg(long)]
    pub(crate) plugin: bool,
    /// The pull request's connector folder: the connector in every solution must match it.
    #[arg(long)]
    pub(crate) against: Option<PathBuf>,
    /// What the zip is (as `package --kind` wrote it). [default: a zip with
    /// apiDefinition.swagger.json at its root is a files zip, anything else a certification
    /// package]
    #[arg(long, value_enum)]
    pub(crate) kind: Option<Kind>,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub(crate) format: TextOrJson,
    /// Exit with 1 when a finding at or above this level remains.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub(crate) fail_on: FailOn,
}

pub(crate) fn package(args: PackageArgs, color: bool) -> ExitCode {
    let req = PackageRequest {
        dir: args.dir,
        output: args.output,
        kind: args.kind.package_kind(),
        intro: args.intro,
        flow_solution: args.flow_solution,
        plugin_solution: args.plugin_solution,
        connector_solution: args.connector_solution,
        prefix: args.prefix,
        allow_errors: args.allow_errors,
    };
    let o = crate::app::package::run_package(&req);
    if let Some(lint) = &o.lint {
        print(&report::text::render(lint, color));
    }
    if let Some(v) = &o.verify {
        print(&report::package::render_text(v, color));
    }
    for n in &o.notes {
        safe_eprintln!("note: {n}");
    }
    match &o.end {
        PackageEnd::Written {
            name,
            size,
            tree,
            sha256,
        } => {
            print(&report::package::written(
                name,
                *size,
                tree,
                &req.output,
                sha256,
            ));
        }
        PackageEnd::LintErrors(errors) => safe_eprintln!(
            "error: refusing to package: the certified lint reports {errors} error{} (fix them, or pass --allow-errors)",
            if *errors == 1 { "" } else { "s" }
        ),
        PackageEnd::PackageErrors(errors) => safe_eprintln!(
            "error: refusing to write {}: the package check reports {errors} error(s) (fix them, or pass --allow-errors)",
            req.output.display(),
        ),
        PackageEnd::Failed(e) => safe_eprintln!("error: {e}"),
    }
    ExitCode::from(o.exit_status())
}

pub(crate) fn verify_package(args: VerifyPackageArgs, color: bool) -> ExitCode {
    let json = args.format == TextOrJson::Json;
    let req = VerifyRequest {
        file: args.file.clone(),
        plugin: args.plugin,
        against: args.against,
        kind: args.kind.map(Kind::package_kind),
    };
    let report = match crate::app::package::run_verify(&req) {
        Ok(r) => r,
        Err(VerifyPackageError::Session(e)) => return super::fail(&e, json),
        Err(e @ VerifyPackageError::Refused(_)) => {
            if let (true, VerifyPackageError::Refused(r)) = (json, &e) {
                print_json(&report::package::refused_json(
                    &args.file, &r.reason, &r.path,
                ));
            }
            safe_eprintln!("error: {e}");
            return ExitCode::from(super::EXIT_ERROR);
        }
    };
    print(&report::package::render(&report, args.format, color));
    match args.fail_on.level() {
        Some(level) if report.has_at_least(level) => ExitCode::from(super::EXIT_FINDINGS),
        _ => ExitCode::SUCCESS,
    }
}
