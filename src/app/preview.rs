//! The `preview` session: load a connector folder, build what the designer shows
//! (`crate::preview::build`), put the connector's lint findings on the cards they concern,
//! render the page ([`crate::report::preview`]) and write it atomically, never onto one of
//! the connector's own files.

use std::path::{Path, PathBuf};

use crate::config;
use crate::model::Connector;
use crate::preview::{self, Preview};
use crate::rules;

/// What `connkit preview DIR -o FILE` asks for.
#[derive(Debug, Clone)]
pub struct PreviewRequest {
    pub dir: PathBuf,
    pub output: PathBuf,
    /// Lint the connector (its connkit.toml applies) and show findings on the cards.
    pub lint: bool,
}

/// Why no page was written (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum PreviewError {
    #[error("{0}: no such folder")]
    MissingDir(PathBuf),
    #[error("{0}: is not a folder (give the connector's folder)")]
    NotADir(PathBuf),
    #[error("{0}: no *.swagger.json definition in this folder")]
    NoDefinition(PathBuf),
    #[error("{0}: the folder to write into does not exist")]
    MissingOutputFolder(PathBuf),
    #[error("{0}: is one of the connector's own files; choose another output path")]
    OwnFile(PathBuf),
    #[error("cannot write the preview: {0}")]
    Write(String),
    #[error("{0}")]
    Config(String),
}

/// What was written.
#[derive(Debug)]
pub struct PreviewOutcome {
    pub preview: Preview,
    pub(crate) output: PathBuf,
    pub bytes: usize,
    /// Findings shown on cards, and findings about other parts of the connector.
    pub(crate) findings_on_cards: usize,
    pub(crate) findings_elsewhere: usize,
}

/// Build the preview of a loaded connector, with findings on its cards when `lint` is set.
/// Returns the preview and the number of findings that concern no card.
pub fn preview_of(connector: &Connector, lint: bool) -> Result<(Preview, usize), PreviewError> {
    let mut p = preview::build(connector);
    let mut elsewhere = 0;
    if lint {
        let findings = lint_as_configured(connector)?;
        let def = connector
            .definition
            .as_ref()
            .map(|d| d.rel_path.clone())
            .unwrap_or_default();
        preview::attach_findings(&mut p, &def, &findings);
        let on_cards: usize = p.cards.iter().map(|c| c.findings.len()).sum();
        elsewhere = findings.len().saturating_sub(on_cards);
    }
    Ok((p, elsewhere))
}

/// Lint as `connkit lint DIR` would: the nearest connkit.toml's profile, levels and ignores.
fn lint_as_configured(c: &Connector) -> Result<Vec<rules::Finding>, PreviewError> {
    let cfg = match config::find_upward(&c.dir) {
        Some(file) => Some(config::load(&file).map_err(|e| PreviewError::Config(e.to_string()))?),
        None => None,
    };
    let eff = cfg
        .as_ref()
        .map(|l| l.for_connector(&c.dir))
        .unwrap_or_default();
    let (profile, _) = config::resolve_profile(None, eff.profile, &c.dir);
    let mut findings = rules::lint(c, profile, &eff.options);
    let mut sups = eff.ignores.clone();
    sups.extend(crate::suppress::inline(c));
    crate::suppress::apply(&mut findings, &sups);
    Ok(findings)
}

/// Run the session.
pub fn run(req: &PreviewRequest) -> Result<PreviewOutcome, PreviewError> {
    if !req.dir.is_dir() {
        return Err(if req.dir.exists() {
            PreviewError::NotADir(req.dir.clone())
        } else {
            PreviewError::MissingDir(req.dir.clone())
        });
    }
    let parent = match req.output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(PreviewError::MissingOutputFolder(parent));
    }
    let connector = Connector::load_dir(&req.dir, req.dir.display().to_string());
    if connector.definition.is_none() {
        return Err(PreviewError::NoDefinition(req.dir.clone()));
    }
    let inputs = connector.file_paths();
    if is_one_of(&req.output, &inputs) {
        return Err(PreviewError::OwnFile(req.output.clone()));
    }
    let (preview, elsewhere) = preview_of(&connector, req.lint)?;
    let html = crate::report::preview::render(&preview);
    crate::fsx::write_output(&req.output, html.as_bytes(), &inputs).map_err(PreviewError::Write)?;
    Ok(PreviewOutcome {
        findings_on_cards: preview.cards.iter().map(|c| c.findings.len()).sum(),
        findings_elsewhere: elsewhere,
        preview,
        output: req.output.clone(),
        bytes: html.len(),
    })
}

/// Whether `out` names one of `inputs` (the same file, or the same path once both are made
/// absolute: a file that does not exist yet cannot be compared by identity).
fn is_one_of(out: &Path, inputs: &[PathBuf]) -> bool {
    let canon = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
        let dir = parent
            .map(|d| d.canonicalize().unwrap_or_else(|_| d.to_path_buf()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        p.file_name().map(|n| dir.join(n))
    };
    let Some(o) = canon(out) else { return false };
    // A file that exists is also compared by identity when it is written
    // (`fsx::write_output`: hard links, case-insensitive file systems).
    inputs.iter().any(|i| canon(i).is_some_and(|c| c == o))
}
