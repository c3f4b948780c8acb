//! The sessions that write a connector: `connkit convert` (an OpenAPI description into a
//! connector folder) and `connkit init` (a scaffold). Both then lint what they wrote with the
//! target profile and return it as a lint report with the converter's notes, which the CLI
//! renders through [`super::outputs::render`] like any lint report.

use std::path::{Path, PathBuf};

use super::{EXIT_CLEAN, EXIT_FINDINGS, Error};
use crate::convert::{self, init::Auth};
use crate::core::{Gate, ProfileSource};
use crate::fsx;
use crate::model::{Connector, FileKind};
use crate::report::run::{ConnectorRun, RunInfo};
use crate::report::{ConnectorReport, LintReport};
use crate::rules::{self, LintOptions, Profile, RawFinding, Severity};

/// What `connkit convert` takes.
#[derive(Debug, Clone)]
pub(crate) struct ConvertRequest {
    /// The OpenAPI 3.0/3.1 (or Swagger 2.0) description, JSON or YAML.
    pub(crate) spec: PathBuf,
    /// The folder to write the connector into.
    pub(crate) output: PathBuf,
    /// The target profile (`None`: what the output folder implies, as `lint --profile auto`
    /// decides).
    pub(crate) profile: Option<Profile>,
    pub(crate) title: Option<String>,
    pub(crate) host: Option<String>,
    /// Overwrite files in an existing, non-empty folder.
    pub(crate) force: bool,
}

/// What `connkit init` takes.
#[derive(Debug, Clone)]
pub(crate) struct InitRequest {
    /// The folder to create (its name becomes the title unless `title` is given).
    pub(crate) dir: PathBuf,
    /// The target profile (`None`: what the folder implies, as `lint --profile auto` decides).
    pub(crate) profile: Option<Profile>,
    pub(crate) auth: Auth,
    pub(crate) title: Option<String>,
    /// Write into an existing, non-empty folder.
    pub(crate) force: bool,
}

/// The written connector's lint, with the converter's notes among the findings.
#[derive(Debug, Clone, Default)]
pub(crate) struct WrittenOutcome {
    pub(crate) report: LintReport,
    /// Which rules ran (for the CI formats).
    pub(crate) run: RunInfo,
    /// What the command says on stderr, one line each, before the report.
    pub(crate) stderr: Vec<String>,
}

impl WrittenOutcome {
    /// [`EXIT_FINDINGS`] when an error remains, else 0.
    pub(crate) fn exit_status(&self) -> u8 {
        if self.report.has_at_least(Severity::Error) {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
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

/// The profile given, else the one the output folder implies (as `lint --profile auto`
/// decides), and which of the two it was: reports never say "from --profile" when no
/// --profile was given.
fn target_profile(flag: Option<Profile>, dir: &Path) -> (Profile, ProfileSource) {
    match flag {
        Some(p) => (p, ProfileSource::Flag),
        None => {
            let path = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
            let p = Profile::detect(&path);
            (p, ProfileSource::detected(p))
        }
    }
}

/// Run `connkit convert`: read and convert the description, write the folder, lint it.
pub(crate) fn run_convert(req: &ConvertRequest) -> Result<WrittenOutcome, Error> {
    let text = match fsx::read_capped(&req.spec, fsx::MAX_TEXT_BYTES) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            return Err(Error::Io(format!(
                "cannot read {}: {e}",
                req.spec.display()
            )));
        }
    };
    let input = convert::parse_input(&text)
        .map_err(|e| Error::Parse(format!("{}: {e}", req.spec.display())))?;
    let (profile, source) = target_profile(req.profile, &req.output);
    let opts = convert::Options {
        profile,
        title: req.title.clone(),
        host: req.host.clone(),
    };
    let out = convert::convert(&input, &opts)
        .map_err(|e| Error::Parse(format!("{}: {e}", req.spec.display())))?;
    let files = convert::write::files(&out);
    write_folder(
        &req.output,
        &files,
        req.force,
        std::slice::from_ref(&req.spec),
    )
    .map_err(Error::Io)?;
    let mut notes = out.notes;
    notes.extend(convert::write::definition_size_note(files[0].1.len()));
    Ok(lint_written(&req.output, (profile, source), notes))
}

/// Run `connkit init`: write the scaffold and lint it (the lint lists what the author still
/// has to replace).
pub(crate) fn run_init(req: &InitRequest) -> Result<WrittenOutcome, Error> {
    let (profile, source) = target_profile(req.profile, &req.dir);
    if profile == Profile::IndependentPublisher && matches!(req.auth, Auth::OAuth2 | Auth::Aad) {
        // Microsoft no longer accepts OAuth for new independent-publisher connectors
        // (https://github.com/microsoft/PowerPlatformConnectors/pull/3939; the lint rule
        // OAuthNotAllowedForIndependentPublisher): scaffolding one would start a dead end.
        return Err(Error::Usage(
            "new independent-publisher connectors may not use OAuth; use --auth apikey or --auth basic".into(),
        ));
    }
    let title = req.title.clone().unwrap_or_else(|| {
        let name = std::path::absolute(&req.dir)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default();
        crate::model::names::title_case(&name)
    });
    let files = convert::init::scaffold(&title, profile, req.auth);
    write_folder(&req.dir, &files, req.force, &[]).map_err(Error::Io)?;
    let created = format!(
        "created {}: profile {}; replace the placeholders (host, contact, publisher, texts{})",
        req.dir.display(),
        source.describe(profile),
        if profile == Profile::Certified {
            ", icon.png"
        } else {
            ""
        }
    );
    let mut outcome = lint_written(&req.dir, (profile, source), Vec::new());
    outcome.stderr.insert(0, created);
    Ok(outcome)
}

/// A lint report of one connector linted with `profile` (and why that profile).
fn one_connector(
    display: String,
    (profile, profile_source): (Profile, ProfileSource),
    findings: Vec<rules::Finding>,
) -> LintReport {
    LintReport {
        connectors: vec![ConnectorReport {
            path: display,
            profile,
            profile_source,
            findings,
        }],
    }
}

/// The converter's notes as findings of the connector written from them, each at its place
/// in the written files.
pub(crate) fn located_notes(
    connector: &Connector,
    notes: Vec<convert::Note>,
) -> Vec<rules::Finding> {
    let raw: Vec<RawFinding> = notes
        .into_iter()
        .map(|n| RawFinding {
            code: n.code,
            severity: n.severity,
            gate: Gate::Advice,
            file: n.file,
            pointer: n.pointer,
            offset: None,
            message: n.message,
        })
        .collect();
    rules::locate(connector, raw)
}

/// The converter's notes as findings at the start of their file: the written definition was
/// too large to read for positions (it is not linted either).
pub(crate) fn unlocated_notes(notes: Vec<convert::Note>) -> Vec<rules::Finding> {
    notes
        .into_iter()
        .map(|n| rules::Finding {
            code: n.code,
            severity: n.severity,
            gate: Gate::Advice,
            file: FileKind::default_name(n.file).to_string(),
            pointer: n.pointer,
            line: 1,
            column: 1,
            message: n.message,
            end_column: 2,
            source_line: None,
            source_column: 1,
        })
        .collect()
}

/// Lint a written folder; the converter's notes come first among the findings.
fn lint_written(
    dir: &Path,
    (profile, source): (Profile, ProfileSource),
    notes: Vec<convert::Note>,
) -> WrittenOutcome {
    let display = dir.to_string_lossy().into_owned();
    let size = std::fs::metadata(dir.join("apiDefinition.swagger.json"))
        .map(|m| m.len())
        .unwrap_or(0);
    let mut stderr = Vec::new();
    let report = if let Some(not_linted) = convert::write::lint_size_note(size) {
        let mut notes = notes;
        notes.push(not_linted);
        let findings = unlocated_notes(notes);
        stderr.push(
            "error: the result is larger than 8 MB and was not linted: it is unchecked, not clean"
                .to_string(),
        );
        one_connector(display, (profile, source), findings)
    } else {
        let connector = Connector::load_dir(dir, display.clone());
        let mut findings = located_notes(&connector, notes);
        findings.extend(rules::lint(&connector, profile, &LintOptions::default()));
        one_connector(display, (profile, source), findings)
    };
    // Which rules ran, for the CI formats; nothing was suppressed or baselined.
    let run = RunInfo {
        connectors: report
            .connectors
            .iter()
            .map(|c| ConnectorRun {
                rules_run: super::lint::rules_run(c.profile, &LintOptions::default()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    WrittenOutcome {
        report,
        run,
        stderr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_refuses_oauth_for_an_independent_publisher_and_writes_nothing() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("New");
        let e = run_init(&InitRequest {
            dir: dir.clone(),
            profile: Some(Profile::IndependentPublisher),
            auth: Auth::OAuth2,
            title: None,
            force: false,
        })
        .unwrap_err();
        assert_eq!(e.kind(), "usage");
        assert!(!dir.exists());
    }

    #[test]
    fn the_profile_comes_from_the_flag_or_the_folder() {
        let d = Path::new("x/certified-connectors/A");
        assert_eq!(
            target_profile(Some(Profile::Custom), d),
            (Profile::Custom, ProfileSource::Flag)
        );
        assert_eq!(
            target_profile(None, d),
            (Profile::Certified, ProfileSource::Folder)
        );
    }
}
