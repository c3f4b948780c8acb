//! `connkit package` and `connkit verify-package`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use super::{EXIT_ERROR, EXIT_FINDINGS, FailOn, TextOrJson, print, print_json};
use crate::model::Connector;
use crate::package::build::{self, Built, PackageInput};
use crate::package::verify::{self, VerifyError, VerifyOptions, VerifyReport};
use crate::report::{self, ConnectorReport, LintReport};
use crate::rules::{self, LintOptions, Profile, Severity};
use crate::safe_eprintln;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Outer zip with intro.md and the package zip (PkgAssets/ + solution zips).
    Certification,
    /// Flat zip of apiDefinition.swagger.json, apiProperties.json, icon.png, script.csx.
    Files,
}

#[derive(clap::Args, Debug)]
pub struct PackageArgs {
    /// The connector folder (apiDefinition.swagger.json, apiProperties.json, icon, script).
    pub dir: PathBuf,
    /// Where to write the zip (written atomically).
    #[arg(short, long)]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value_t = Kind::Certification)]
    pub kind: Kind,
    /// intro.md for the outer zip (default: intro.md in the connector folder).
    #[arg(long)]
    pub intro: Option<PathBuf>,
    /// The flow solution exported from Dataverse (required for --kind certification).
    #[arg(long)]
    pub flow_solution: Option<PathBuf>,
    /// The AI plugin solution exported from Dataverse.
    #[arg(long)]
    pub plugin_solution: Option<PathBuf>,
    /// Use this exported connector solution instead of generating one from the files.
    #[arg(long)]
    pub connector_solution: Option<PathBuf>,
    /// Publisher customization prefix for the generated solution (default: from publisher).
    #[arg(long)]
    pub prefix: Option<String>,
    /// Package even when the certified lint or the package check reports errors.
    #[arg(long)]
    pub allow_errors: bool,
}

#[derive(clap::Args, Debug)]
pub struct VerifyPackageArgs {
    /// The certification package (.zip).
    pub file: PathBuf,
    /// The package carries an AI plugin solution (3 solutions instead of 2).
    #[arg(long)]
    pub plugin: bool,
    /// The pull request's connector folder: the connector in every solution must match it.
    #[arg(long)]
    pub against: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Exit with 1 when a finding at or above this level remains.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
}

fn read_input(p: &Path) -> Result<(String, Vec<u8>), String> {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let limit = crate::package::safety::Limits::default().max_archive_bytes;
    let bytes = crate::fsx::read_capped(p, limit).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok((name, bytes))
}

/// Every file a `package` run reads: the output must never replace one of them.
fn inputs_of(args: &PackageArgs, connector: &Connector) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = [
        &args.intro,
        &args.flow_solution,
        &args.plugin_solution,
        &args.connector_solution,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    v.extend(connector.file_paths());
    v
}

fn error(msg: impl std::fmt::Display) -> ExitCode {
    safe_eprintln!("error: {msg}");
    ExitCode::from(EXIT_ERROR)
}

pub fn package(args: PackageArgs, color: bool) -> ExitCode {
    if !crate::model::discover::is_connector_dir(&args.dir) {
        return error(format!(
            "{}: no connector found (no apiDefinition.swagger.json or apiProperties.json)",
            args.dir.display()
        ));
    }
    let connector = Connector::load_dir(&args.dir, args.dir.display().to_string());
    let findings = rules::lint(&connector, Profile::Certified, &LintOptions::default());
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if !findings.is_empty() {
        let r = LintReport {
            connectors: vec![ConnectorReport {
                path: connector.display.clone(),
                profile: Profile::Certified,
                profile_source: crate::core::ProfileSource::Flag,
                findings,
            }],
        };
        print(&report::text::render(&r, color));
    }
    if errors > 0 && !args.allow_errors {
        safe_eprintln!(
            "error: refusing to package: the certified lint reports {errors} error{} (fix them, or pass --allow-errors)",
            if errors == 1 { "" } else { "s" }
        );
        return ExitCode::from(EXIT_FINDINGS);
    }
    let built: Result<Built, String> = match args.kind {
        Kind::Files => build::build_files(&connector),
        Kind::Certification => (|| {
            let intro = match &args.intro {
                Some(p) => Some(read_input(p)?),
                None => connector
                    .intro
                    .as_ref()
                    .map(|t| (t.rel_path.clone(), t.text.clone().into_bytes())),
            };
            let input = PackageInput {
                intro,
                flow_solution: args.flow_solution.as_deref().map(read_input).transpose()?,
                plugin_solution: args
                    .plugin_solution
                    .as_deref()
                    .map(read_input)
                    .transpose()?,
                connector_solution: args
                    .connector_solution
                    .as_deref()
                    .map(read_input)
                    .transpose()?,
                prefix: args.prefix.clone(),
            };
            build::build_certification(&connector, &input)
        })(),
    };
    let built = match built {
        Ok(b) => b,
        Err(e) => return error(e),
    };
    let out_name = args
        .output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package.zip".into());
    // Check what was built, exactly as verify-package would, before writing anything.
    if args.kind == Kind::Certification {
        let options = VerifyOptions {
            plugin: args.plugin_solution.is_some(),
            against: Some(&connector),
            ..Default::default()
        };
        match verify::verify_bytes(&out_name, &built.bytes, &options) {
            Ok(r) => {
                if !r.findings.is_empty() || r.connectors.iter().any(|c| !c.findings.is_empty()) {
                    print(&report::package::render_text(&r, color));
                }
                if r.has_at_least(Severity::Error) && !args.allow_errors {
                    safe_eprintln!(
                        "error: refusing to write {}: the package check reports {} error(s) (fix them, or pass --allow-errors)",
                        args.output.display(),
                        r.count(Severity::Error)
                    );
                    return ExitCode::from(EXIT_FINDINGS);
                }
            }
            Err(refusal) => return error(format!("refusing the package: {refusal}")),
        }
    }
    for n in &built.notes {
        safe_eprintln!("note: {n}");
    }
    let inputs = inputs_of(&args, &connector);
    if let Err(e) = crate::fsx::write_output(&args.output, &built.bytes, &inputs) {
        return error(e);
    }
    let mut s = build::render_tree(&out_name, built.bytes.len() as u64, &built.tree);
    s.push_str(&format!(
        "wrote {}\nsha256 {}\n",
        args.output.display(),
        built.sha256
    ));
    print(&s);
    ExitCode::SUCCESS
}

pub fn verify_package(args: VerifyPackageArgs, color: bool) -> ExitCode {
    let json = args.format == TextOrJson::Json;
    let against = match &args.against {
        Some(d) if crate::model::discover::is_connector_dir(d) => {
            Some(Connector::load_dir(d, d.display().to_string()))
        }
        Some(d) => {
            return super::fail_with(
                "usage",
                &format!(
                    "{}: --against needs a connector folder (apiDefinition.swagger.json, apiProperties.json)",
                    d.display()
                ),
                json,
            );
        }
        None => None,
    };
    let options = VerifyOptions {
        plugin: args.plugin,
        against: against.as_ref(),
        ..Default::default()
    };
    let report = match verify::verify_path(&args.file, &options) {
        Ok(r) => r,
        Err(VerifyError::Io(e)) => return super::fail_with("io", &e.to_string(), json),
        Err(VerifyError::Refused(r)) => {
            if json {
                let mut doc = super::error_document("refused", &r.reason);
                doc["package"] = args.file.display().to_string().into();
                doc["error"]["path_in_package"] = r.path.clone().into();
                print_json(&doc);
            }
            return error(format!("refusing the package: {r}"));
        }
    };
    match args.format {
        TextOrJson::Json => print(&report::package::render_json(&report)),
        TextOrJson::Text => print(&report::package::render_text(&report, color)),
    };
    match args.fail_on.level() {
        Some(level) if report.has_at_least(level) => ExitCode::from(EXIT_FINDINGS),
        _ => ExitCode::SUCCESS,
    }
}
