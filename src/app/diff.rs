//! The diff session behind `connkit diff`: read both sides (files, folders or git specs, in
//! parallel), compare them, apply the accepted-changes file, and hand back the report (and the
//! unified text diff when asked). Rendering is [`crate::report::diff`]; the CLI maps
//! [`DiffOutcome::exit_status`] to the process' exit code.

use std::path::{Path, PathBuf};

use super::{EXIT_CLEAN, EXIT_FINDINGS, Error};
use crate::diff::{self, DiffReport, DiffSeverity, accept, source};

/// What to compare: `old` and `new`, or `base` (a git revision) and one path.
#[derive(Debug, Clone, Default)]
pub(crate) struct DiffRequest {
    pub(crate) old: Option<String>,
    pub(crate) new: Option<String>,
    /// Compare `old` (the one path given) against the same path at this git revision.
    pub(crate) base: Option<String>,
    /// The accepted-changes file (default: connkit-accepted.toml beside the new connector).
    pub(crate) accept: Option<PathBuf>,
    /// Also produce the unified text diff of the normalized documents.
    pub(crate) text_diff: bool,
}

/// What a diff session found.
#[derive(Debug)]
pub(crate) enum DiffOutcome {
    /// The old side does not exist (a connector new in this change): nothing to compare.
    NoPrevious { old: String },
    /// Both sides were compared.
    Compared {
        report: DiffReport,
        /// The unified diff of the normalized documents, when asked.
        text_diff: Option<String>,
    },
}

impl DiffOutcome {
    /// [`EXIT_FINDINGS`] when a change at or above `fail_at` remains (not accepted), else 0.
    pub(crate) fn exit_status(&self, fail_at: Option<DiffSeverity>) -> u8 {
        match (self, fail_at) {
            (DiffOutcome::Compared { report, .. }, Some(l)) if report.has_at_least(l) => {
                EXIT_FINDINGS
            }
            _ => EXIT_CLEAN,
        }
    }
}

/// Where to look for connkit-accepted.toml when --accept is not given: beside the new
/// connector (its folder, or the folder of its file), for local paths only.
fn default_accept(new_spec: &str) -> Option<PathBuf> {
    if source::parse_git_spec(new_spec).is_some() {
        return None;
    }
    let p = Path::new(new_spec);
    let dir = if p.is_dir() {
        p.to_path_buf()
    } else {
        p.parent()?.to_path_buf()
    };
    let f = dir.join(accept::FILE_NAME);
    f.is_file().then_some(f)
}

fn source_error(e: source::SourceError) -> Error {
    match e.kind {
        "parse" => Error::Parse(e.message),
        _ => Error::Io(e.message),
    }
}

/// Run a diff session. Accepted entries that matched no change are noted on stderr.
pub(crate) fn run_diff(req: &DiffRequest, say: super::Say<'_>) -> Result<DiffOutcome, Error> {
    let (old_spec, new_spec) = match (&req.base, &req.old, &req.new) {
        (Some(rev), Some(path), None) => (source::base_spec(rev, Path::new(path)), path.clone()),
        (Some(_), _, _) => {
            return Err(Error::Usage(
                "--base REV takes exactly one PATH: connkit diff --base origin/dev PATH".into(),
            ));
        }
        (None, Some(o), Some(n)) => (o.clone(), n.clone()),
        _ => {
            return Err(Error::Usage(
                "expected OLD and NEW: connkit diff OLD NEW (or --base REV PATH)".into(),
            ));
        }
    };
    // Both sides are read and parsed in parallel (a side may be a megabyte).
    let (old, new) = rayon::join(|| source::load(&old_spec), || source::load(&new_spec));
    let new = match new.map_err(source_error)? {
        Some(s) => s,
        None => {
            return Err(Error::Io(format!(
                "{new_spec}: does not exist at that revision"
            )));
        }
    };
    let Some(old) = old.map_err(source_error)? else {
        // A connector new in this change has no previous revision (Microsoft skips it too).
        return Ok(DiffOutcome::NoPrevious { old: old_spec });
    };
    let mut report = diff::diff(&old, &new);
    let accept_file = req.accept.clone().or_else(|| default_accept(&new_spec));
    if let Some(f) = accept_file {
        let text = crate::fsx::read_text(&f, crate::fsx::MAX_TEXT_BYTES)
            .map_err(|e| Error::Io(e.to_string()))?;
        let entries =
            accept::parse(&text).map_err(|e| Error::Config(format!("{}: {e}", f.display())))?;
        for e in accept::apply(&mut report.changes, &entries) {
            say(&format!(
                "note: {}: accepted entry {}{} matched no change",
                f.display(),
                e.code,
                e.operation.map(|o| format!(" ({o})")).unwrap_or_default()
            ));
        }
    }
    let text_diff = req
        .text_diff
        .then(|| crate::report::diff::text_diff(&old, &new));
    Ok(DiffOutcome::Compared { report, text_diff })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(p: &str) -> String {
        format!("{}/connectors/{p}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn arguments_that_do_not_fit_are_usage_errors() {
        let two_with_base = DiffRequest {
            old: Some("a".into()),
            new: Some("b".into()),
            base: Some("HEAD".into()),
            ..Default::default()
        };
        let e = run_diff(&two_with_base, &|_| {}).unwrap_err();
        assert_eq!(e.kind(), "usage");
        assert!(e.to_string().contains("--base REV takes exactly one PATH"));
        let e = run_diff(&DiffRequest::default(), &|_| {}).unwrap_err();
        assert_eq!(e.kind(), "usage");
    }

    #[test]
    fn a_missing_local_side_is_an_io_error_and_no_previous_revision_exits_clean() {
        let c = sample("custom-connectors/EchoTools");
        let missing = sample("no-such-connector");
        for (old, new) in [(&c, &missing), (&missing, &c)] {
            let e = run_diff(
                &DiffRequest {
                    old: Some(old.clone()),
                    new: Some(new.clone()),
                    ..Default::default()
                },
                &|_| {},
            )
            .unwrap_err();
            assert_eq!(e.kind(), "io", "{e}");
        }
        // (A side missing at a git revision is `NoPrevious`; it never fails the run.)
        let none = DiffOutcome::NoPrevious { old: missing };
        assert_eq!(none.exit_status(Some(DiffSeverity::Info)), EXIT_CLEAN);
    }

    #[test]
    fn the_same_connector_twice_has_no_changes_and_exits_clean() {
        let c = sample("custom-connectors/EchoTools");
        let o = run_diff(
            &DiffRequest {
                old: Some(c.clone()),
                new: Some(c),
                text_diff: true,
                ..Default::default()
            },
            &|_| {},
        )
        .unwrap();
        let DiffOutcome::Compared { report, text_diff } = &o else {
            panic!("{o:?}")
        };
        assert!(report.changes.is_empty());
        assert_eq!(text_diff.as_deref(), Some(""));
        assert_eq!(o.exit_status(Some(DiffSeverity::Info)), EXIT_CLEAN);
    }
}
