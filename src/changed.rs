//! `--changed-since REV`: the connector folders with files changed since a git revision.
//!
//! Shells out to `git`: the files changed between the merge base of REV and HEAD and the
//! working tree (`git diff --name-only $(git merge-base REV HEAD)`, so committed, staged and
//! unstaged changes count), plus untracked files. Each changed file belongs to the nearest
//! folder at or above it that looks like a connector.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::model::discover;

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(format!("git {} failed: {}", args.join(" "), first.trim()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The connector folders (absolute, canonical) with changes since `rev`, for the repository
/// holding `dir`, and the configuration changes that widen that set.
/// `covering_files` (canonical) are files that cover every connector of the run (the
/// baseline, an explicit `--config`): a change to one of them changes everything.
pub(crate) fn changed_connectors(
    dir: &Path,
    rev: &str,
    covering_files: &[PathBuf],
) -> Result<Changed, String> {
    if rev.starts_with('-') {
        return Err(format!("'{rev}' is not a git revision"));
    }
    let top = git(dir, &["rev-parse", "--show-toplevel"])
        .map_err(|_| format!("{}: not inside a git repository", dir.display()))?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    let base = git(dir, &["merge-base", rev, "HEAD"])
        .map_err(|e| format!("cannot compare with '{rev}': {e}"))?;
    let base = base.trim();
    let mut files = BTreeSet::new();
    for out in [
        git(&top, &["diff", "--name-only", "-z", base, "--"])?,
        git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])?,
    ] {
        files.extend(out.split('\0').filter(|s| !s.is_empty()).map(String::from));
    }
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let mut out = Changed::default();
    for f in files {
        let path = top.join(&f);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        // A configuration change changes every connector it covers: all below its folder.
        if name == "connkit.toml" {
            if let Some(d) = path.parent() {
                out.covering.insert(d.to_path_buf());
            }
            continue;
        }
        if covering_files.contains(&path) {
            out.everything = true;
            continue;
        }
        // A deleted file still tells which connector changed, if its folder remains.
        if let Some(d) = connector_of(&path, Some(&top)) {
            out.connectors.insert(d);
        }
    }
    Ok(out)
}

/// What `--changed-since` found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Changed {
    /// Connector folders (canonical) with changed files.
    pub(crate) connectors: BTreeSet<PathBuf>,
    /// Folders (canonical) whose connkit.toml changed: every connector below them counts.
    pub(crate) covering: BTreeSet<PathBuf>,
    /// A file covering every connector of the run (the baseline, `--config`) changed.
    pub(crate) everything: bool,
}

impl Changed {
    /// Whether the connector folder `dir` (canonical) is to be linted.
    pub(crate) fn includes(&self, dir: &Path) -> bool {
        self.everything
            || self.connectors.contains(dir)
            || self.covering.iter().any(|c| dir.starts_with(c))
    }
}

/// The connector folder holding `path`: the nearest folder at or above it that looks like a
/// connector, not above `stop` (nor above a folder holding `.git`). Canonical when it exists.
pub(crate) fn connector_of(path: &Path, stop: Option<&Path>) -> Option<PathBuf> {
    let mut cur = if path.is_dir() {
        Some(path)
    } else {
        path.parent()
    };
    while let Some(d) = cur {
        let d = if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        };
        if stop.is_some_and(|s| !d.starts_with(s)) {
            break;
        }
        if discover::is_connector_dir(d) {
            return Some(std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf()));
        }
        if d == Path::new(".") || d.join(".git").exists() {
            break;
        }
        cur = d.parent();
    }
    None
}
