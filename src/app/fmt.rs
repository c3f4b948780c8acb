//! The `connkit fmt` session: rewrite connector JSON in the coding standards' layout (or,
//! with `check`, only say which files would change). Files are replaced atomically.

use std::path::{Path, PathBuf};

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::model::jsontext::Indent;
use crate::{fix, fsx};

/// What `connkit fmt` takes.
#[derive(Debug, Clone, Default)]
pub(crate) struct FmtRequest {
    /// Connector folders or JSON files (empty: `.`).
    pub(crate) paths: Vec<PathBuf>,
    /// Change nothing; report what would change.
    pub(crate) check: bool,
    /// Indent with N spaces (0: a tab) instead of each file's own indentation.
    pub(crate) indent: Option<u8>,
}

/// What one file came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FmtEvent {
    /// With `check`: the file would change.
    WouldReformat(PathBuf),
    /// The file was rewritten.
    Reformatted(PathBuf),
    /// A path or file could not be read, written or formatted: the message (`error: …`).
    Error(String),
}

/// What a `fmt` session did. Errors (unreadable, unwritable or unparsable files) were
/// [`FmtEvent::Error`] events as they happened.
#[derive(Debug, Clone, Default)]
pub(crate) struct FmtOutcome {
    /// The files that changed (or would) and the errors, in order.
    pub(crate) events: Vec<FmtEvent>,
    /// A path or file could not be read, written or formatted.
    pub(crate) error: bool,
}

impl FmtOutcome {
    /// 2 after an error; with `check`, 1 when a file would change; else 0.
    pub(crate) fn exit_status(&self, check: bool) -> u8 {
        if self.error {
            EXIT_ERROR
        } else if check && !self.events.is_empty() {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
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

/// Run a `fmt` session; `on_event` sees each changed file as it is done.
pub(crate) fn run_fmt(req: &FmtRequest, on_event: &mut dyn FnMut(&FmtEvent)) -> FmtOutcome {
    let paths = if req.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        req.paths.clone()
    };
    let mut out = FmtOutcome::default();
    let mut event = |out: &mut FmtOutcome, e: FmtEvent| {
        on_event(&e);
        out.error |= matches!(e, FmtEvent::Error(_));
        out.events.push(e);
    };
    for p in &paths {
        if !p.exists() {
            event(
                &mut out,
                FmtEvent::Error(format!("error: {}: no such file or folder", p.display())),
            );
            continue;
        }
        let files = fmt_files(p);
        if files.is_empty() {
            event(
                &mut out,
                FmtEvent::Error(format!(
                    "error: {}: no JSON connector files found",
                    p.display()
                )),
            );
        }
        for f in files {
            let bytes = match fsx::read_in_folder(&f, fsx::MAX_TEXT_BYTES) {
                Ok(b) => b,
                Err(e) => {
                    event(
                        &mut out,
                        FmtEvent::Error(format!("error: cannot read {}: {e}", f.display())),
                    );
                    continue;
                }
            };
            let indent = req.indent.map(|n| match n {
                0 => Indent::Tab,
                n => Indent::Spaces(n),
            });
            match fix::fmt_bytes_with(&bytes, indent) {
                Ok(fix::FmtOutcome::Unchanged) => {}
                Ok(fix::FmtOutcome::Changed(new)) => {
                    if req.check {
                        event(&mut out, FmtEvent::WouldReformat(f));
                    } else if let Err(e) = fsx::rewrite(&f, &new) {
                        event(
                            &mut out,
                            FmtEvent::Error(format!("error: cannot write {e}")),
                        );
                    } else {
                        event(&mut out, FmtEvent::Reformatted(f));
                    }
                }
                Err(e) => {
                    let m = format!(
                        "error: {}:{}:{}: not formatted: {}",
                        f.display(),
                        e.line,
                        e.column,
                        e.message
                    );
                    event(&mut out, FmtEvent::Error(m));
                }
            }
        }
    }
    out
}
