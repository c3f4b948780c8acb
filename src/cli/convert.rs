//! `connkit convert`, `connkit init`, `connkit fmt` and `lint --fix`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use super::{EXIT_ERROR, EXIT_FINDINGS, Format, print};
use crate::convert::{self, init::Auth};
use crate::core::ProfileSource;
use crate::model::{Connector, FileKind};
use crate::report::{self, ConnectorReport, LintReport};
use crate::rules::{self, LintOptions, Profile, RawFinding, Severity};
use crate::safe_eprintln;
use crate::{fix, fsx};

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetProfile {
    Custom,
    Certified,
    IndependentPublisher,
}

impl TargetProfile {
    fn profile(self) -> Profile {
        match self {
            TargetProfile::Custom => Profile::Custom,
            TargetProfile::Certified => Profile::Certified,
            TargetProfile::IndependentPublisher => Profile::IndependentPublisher,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthArg {
    None,
    Apikey,
    Basic,
    Oauth2,
    Aad,
}

#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// OpenAPI 3.0/3.1 (or Swagger 2.0) description, JSON or YAML.
    pub spec: PathBuf,
    /// Folder to write apiDefinition.swagger.json and apiProperties.json into.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Which connector the result is for (decides apiProperties fields and the lint profile).
    /// [default: what the output folder implies, as `lint --profile auto` decides:
    /// certified under certified-connectors/, …, else custom]
    #[arg(long, value_enum)]
    pub profile: Option<TargetProfile>,
    /// Connector title (at most 30 characters).
    #[arg(long)]
    pub title: Option<String>,
    /// Host name to use instead of the first server's.
    #[arg(long)]
    pub host: Option<String>,
    /// Overwrite files in an existing, non-empty output folder.
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// Folder to create (its name becomes the title unless --title is given).
    pub dir: PathBuf,
    /// Which connector to scaffold. [default: what the folder implies, as `lint --profile
    /// auto` decides: certified under certified-connectors/, …, else custom]
    #[arg(long, value_enum)]
    pub profile: Option<TargetProfile>,
    #[arg(long, value_enum, default_value_t = AuthArg::None)]
    pub auth: AuthArg,
    #[arg(long)]
    pub title: Option<String>,
    /// Write into an existing, non-empty folder.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct FmtArgs {
    /// Connector folders or JSON files (default: .).
    pub paths: Vec<PathBuf>,
    /// Change nothing; exit 1 when a file would change.
    #[arg(long)]
    pub check: bool,
    /// Indent with N spaces (0: a tab) instead of each file's own indentation.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=8))]
    pub indent: Option<u8>,
}

fn dir_is_nonempty(p: &Path) -> bool {
    std::fs::read_dir(p).is_ok_and(|mut d| d.next().is_some())
}

/// Write a set of files into `dir`: a new folder appears whole ([`fsx::create_folder`]); in
/// an existing folder each file is replaced atomically, and never one of `inputs`.
fn write_folder(
    dir: &Path,
    files: &[(&str, Vec<u8>)],
    force: bool,
    inputs: &[PathBuf],
) -> Result<(), String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!("{} exists and is not a folder", dir.display()));
    }
    if dir.is_dir() {
        if dir_is_nonempty(dir) && !force {
            return Err(format!(
                "{} already exists and is not empty (use --force to overwrite)",
                dir.display()
            ));
        }
        for (name, bytes) in files {
            fsx::write_output(&dir.join(name), bytes, inputs)
                .map_err(|e| format!("cannot write {e}"))?;
        }
        return Ok(());
    }
    fsx::create_folder(dir, files)
}

/// The profile given with --profile, else the one the output folder implies (as
/// `lint --profile auto` decides), and which of the two it was: reports never say
/// "from --profile" when no --profile was given.
fn target_profile(flag: Option<TargetProfile>, dir: &Path) -> (Profile, ProfileSource) {
    match flag {
        Some(p) => (p.profile(), ProfileSource::Flag),
        None => {
            let path = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
            let p = Profile::detect(&path);
            (p, ProfileSource::detected(p))
        }
    }
}

pub fn run_convert(args: ConvertArgs, color: bool) -> ExitCode {
    let text = match fsx::read_capped(&args.spec, fsx::MAX_TEXT_BYTES) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            safe_eprintln!("error: cannot read {}: {e}", args.spec.display());
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let input = match convert::parse_input(&text) {
        Ok(v) => v,
        Err(e) => {
            safe_eprintln!("error: {}: {e}", args.spec.display());
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let (profile, source) = target_profile(args.profile, &args.output);
    let opts = convert::Options {
        profile,
        title: args.title.clone(),
        host: args.host.clone(),
    };
    let out = match convert::convert(&input, &opts) {
        Ok(o) => o,
        Err(e) => {
            safe_eprintln!("error: {}: {e}", args.spec.display());
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let files = convert::write::files(&out);
    if let Err(e) = write_folder(
        &args.output,
        &files,
        args.force,
        std::slice::from_ref(&args.spec),
    ) {
        safe_eprintln!("error: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    let mut notes = out.notes;
    notes.extend(convert::write::definition_size_note(files[0].1.len()));
    report_connector(&args.output, (profile, source), notes, args.format, color)
}

/// Lint a written folder and print the converter's notes with the lint findings.
fn report_connector(
    dir: &Path,
    (profile, profile_source): (Profile, ProfileSource),
    notes: Vec<convert::Note>,
    format: Format,
    color: bool,
) -> ExitCode {
    let display = dir.to_string_lossy().into_owned();
    let size = std::fs::metadata(dir.join("apiDefinition.swagger.json"))
        .map(|m| m.len())
        .unwrap_or(0);
    if let Some(not_linted) = convert::write::lint_size_note(size) {
        let mut notes = notes;
        notes.push(not_linted);
        let findings = notes
            .into_iter()
            .map(|n| rules::Finding {
                code: n.code,
                severity: n.severity,
                gate: crate::core::Gate::Advice,
                file: FileKind::default_name(n.file).to_string(),
                pointer: n.pointer,
                line: 1,
                column: 1,
                message: n.message,
                end_column: 2,
                source_line: None,
                source_column: 1,
            })
            .collect();
        safe_eprintln!(
            "error: the result is larger than 8 MB and was not linted: it is unchecked, not clean"
        );
        return render(
            LintReport {
                connectors: vec![ConnectorReport {
                    path: display,
                    profile,
                    profile_source,
                    findings,
                }],
            },
            format,
            color,
        );
    }
    let connector = Connector::load_dir(dir, display.clone());
    let raw: Vec<RawFinding> = notes
        .into_iter()
        .map(|n| RawFinding {
            code: n.code,
            severity: n.severity,
            gate: crate::core::Gate::Advice,
            file: n.file,
            pointer: n.pointer,
            offset: None,
            message: n.message,
        })
        .collect();
    let mut findings = rules::locate(&connector, raw);
    findings.extend(rules::lint(&connector, profile, &LintOptions::default()));
    let report = LintReport {
        connectors: vec![ConnectorReport {
            path: display,
            profile,
            profile_source,
            findings,
        }],
    };
    render(report, format, color)
}

/// Converter notes and the lint of the result, in any of lint's formats.
fn render(report: LintReport, format: Format, color: bool) -> ExitCode {
    let run = report::run::RunInfo {
        connectors: report
            .connectors
            .iter()
            .map(|c| report::run::ConnectorRun {
                rules_run: super::lint_ci::rules_run(c.profile, &LintOptions::default()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let rendered = match format {
        Format::Json => report::json::render(&report, &Default::default()),
        Format::Text => report::text::render(&report, color),
        Format::Sarif => report::sarif::render(&report, &Default::default()),
        Format::Github => report::github::render(&report, &run),
        Format::Azure => report::azure::render(&report, &run),
        Format::Junit => report::junit::render(&report, &run),
        Format::Markdown => report::markdown::render(&report, &run),
    };
    print(&rendered);
    if report.has_at_least(Severity::Error) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn run_init(args: InitArgs, color: bool) -> ExitCode {
    let (profile, source) = target_profile(args.profile, &args.dir);
    let auth = match args.auth {
        AuthArg::None => Auth::None,
        AuthArg::Apikey => Auth::ApiKey,
        AuthArg::Basic => Auth::Basic,
        AuthArg::Oauth2 => Auth::OAuth2,
        AuthArg::Aad => Auth::Aad,
    };
    if profile == Profile::IndependentPublisher && matches!(auth, Auth::OAuth2 | Auth::Aad) {
        // Microsoft no longer accepts OAuth for new independent-publisher connectors
        // (https://github.com/microsoft/PowerPlatformConnectors/pull/3939; the lint rule
        // OAuthNotAllowedForIndependentPublisher): scaffolding one would start a dead end.
        safe_eprintln!(
            "error: new independent-publisher connectors may not use OAuth; use --auth apikey or --auth basic"
        );
        return ExitCode::from(EXIT_ERROR);
    }
    let title = args.title.clone().unwrap_or_else(|| {
        let name = std::path::absolute(&args.dir)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default();
        crate::model::names::title_case(&name)
    });
    let files = convert::init::scaffold(&title, profile, auth);
    if let Err(e) = write_folder(&args.dir, &files, args.force, &[]) {
        safe_eprintln!("error: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    safe_eprintln!(
        "created {}: profile {}; replace the placeholders (host, contact, publisher, texts{})",
        args.dir.display(),
        source.describe(profile),
        if profile == Profile::Certified {
            ", icon.png"
        } else {
            ""
        }
    );
    // The scaffold is written: its lint lists what the author still has to replace
    // (PlaceholderValue for certification profiles) and does not fail the command.
    let _ = report_connector(
        &args.dir,
        (profile, source),
        Vec::new(),
        Format::Text,
        color,
    );
    ExitCode::SUCCESS
}

/// The files `fmt PATH` rewrites: a file as given, a connector folder's JSON files, and in
/// any other folder those of every connector below it (found as `lint` finds them).
fn fmt_files(p: &Path) -> Vec<PathBuf> {
    if !p.is_dir() || crate::model::discover::is_connector_dir(p) {
        return fix::json_files(p);
    }
    let (targets, _) = crate::model::discover::discover(p);
    targets
        .iter()
        .flat_map(|t| fix::json_files(t.path()))
        .collect()
}

pub fn run_fmt(args: FmtArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let mut error = false;
    let mut changed = 0;
    for p in &paths {
        if !p.exists() {
            safe_eprintln!("error: {}: no such file or folder", p.display());
            error = true;
            continue;
        }
        let files = fmt_files(p);
        if files.is_empty() {
            safe_eprintln!("error: {}: no JSON connector files found", p.display());
            error = true;
        }
        for f in files {
            let bytes = match fsx::read_in_folder(&f, fsx::MAX_TEXT_BYTES) {
                Ok(b) => b,
                Err(e) => {
                    safe_eprintln!("error: cannot read {}: {e}", f.display());
                    error = true;
                    continue;
                }
            };
            let indent = args.indent.map(|n| match n {
                0 => crate::model::jsontext::Indent::Tab,
                n => crate::model::jsontext::Indent::Spaces(n),
            });
            match fix::fmt_bytes_with(&bytes, indent) {
                Ok(fix::FmtOutcome::Unchanged) => {}
                Ok(fix::FmtOutcome::Changed(new)) => {
                    changed += 1;
                    if args.check {
                        print(&format!(
                            "would reformat {}\n",
                            crate::safe::text(&f.display().to_string())
                        ));
                    } else if let Err(e) = fsx::rewrite(&f, &new) {
                        safe_eprintln!("error: cannot write {e}");
                        error = true;
                    } else {
                        print(&format!(
                            "reformatted {}\n",
                            crate::safe::text(&f.display().to_string())
                        ));
                    }
                }
                Err(e) => {
                    safe_eprintln!(
                        "error: {}:{}:{}: not formatted: {}",
                        f.display(),
                        e.line,
                        e.column,
                        e.message
                    );
                    error = true;
                }
            }
        }
    }
    if error {
        ExitCode::from(EXIT_ERROR)
    } else if args.check && changed > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}
